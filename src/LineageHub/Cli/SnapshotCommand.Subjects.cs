using System.CommandLine;
using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;
using LineageHub.Core.Subjects;

namespace LineageHub.Cli;

// snapshot --subject-column: the version is registered with its subject set, both in one transaction.
public sealed partial class SnapshotCommand
{
    private static async Task<SnapshotRegistrationJson> RegisterWithSubjectsAsync(StoreOptions options, ParseResult parse, (SubjectSet Set, SubjectSetRef Reference) subjects, DatasetVersion version, string? source, CancellationToken cancellationToken)
    {
        await using var store = await ConsentStore.OpenAsync(options, parse, cancellationToken);
        version = version with { Subjects = subjects.Reference };
        var dataset = new Dataset(version.Namespace, version.Name);
        var builder = ChangeSet.Builder("lineagehub snapshot");
        // An existing dataset or source node is linked to as it is: re-stating it could conflict with a description it has.
        if (await store.Lineage.FindNodeAsync(dataset.Key, cancellationToken) is null)
        {
            builder.Add(dataset);
        }
        builder.Add(version).Link(EdgeKind.VersionOf, version.Key, dataset.Key);
        if (source is not null)
        {
            var system = new SourceSystem(source, SourceSystemKind.Internal);
            if (await store.Lineage.FindNodeAsync(system.Key, cancellationToken) is null)
            {
                builder.Add(system);
            }
            builder.Link(EdgeKind.SuppliedBy, version.Key, system.Key);
        }
        var result = await store.Evidence.AppendWithEvidenceAsync(builder.Build(), new ConsentEvidence([subjects.Set], []), cancellationToken);
        return new SnapshotRegistrationJson(version.Key.ToString(), result.Changed, result.Seq, $"{result}; subject set of {subjects.Set.Count:N0} subjects, root {subjects.Set.Root}");
    }
}

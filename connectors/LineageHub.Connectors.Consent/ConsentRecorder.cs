using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;
using LineageHub.Core.Storage;

namespace LineageHub.Connectors.Consent;

/// <summary>Records what the connector captured: a consent batch or a basis declaration as one change set, with the bulk evidence in the same transaction.</summary>
public static class ConsentRecorder
{
    /// <summary>Records an import; importing the same export again changes nothing (the result says so).</summary>
    public static async Task<AppendResult> RecordAsync(ILineageStore store, IConsentEvidenceStore evidence, ConsentImport import, CancellationToken cancellationToken = default)
    {
        var builder = ChangeSet.Builder("lineagehub consent import");
        await AddSourceAsync(store, builder, import.Fact.SourceSystem, cancellationToken).ConfigureAwait(false);
        builder.Add(import.Fact).Link(EdgeKind.SuppliedBy, import.Fact.Key, new SourceSystemId(import.Fact.SourceSystem).Key);
        return await evidence.AppendWithEvidenceAsync(builder.Build(), new ConsentEvidence([], [import.Batch]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records a declaration covering <paramref name="declaration"/>'s target (a source system or dataset, which must exist).</summary>
    public static async Task<AppendResult> DeclareAsync(ILineageStore store, BasisDeclaration declaration, CancellationToken cancellationToken = default)
    {
        var target = NodeKey.Parse(declaration.Target);
        if (target.Kind is not (NodeKind.SourceSystem or NodeKind.Dataset))
        {
            throw Core.LineageHubException.InvalidInput($"a basis declaration covers a source_system or a dataset, not {declaration.Target}");
        }
        if (await store.FindNodeAsync(target, cancellationToken).ConfigureAwait(false) is null)
        {
            throw Core.LineageHubException.NotFound($"no {declaration.Target} is recorded; register it before declaring a basis for it");
        }
        var changes = ChangeSet.Builder("lineagehub consent declare").Add(declaration).Link(EdgeKind.Covers, declaration.Key, target).Build();
        return await store.AppendAsync(changes, cancellationToken).ConfigureAwait(false);
    }

    // An existing source node is linked to as it is: re-stating it could conflict with its kind or description.
    private static async Task AddSourceAsync(ILineageStore store, ChangeSetBuilder builder, string source, CancellationToken cancellationToken)
    {
        var system = new SourceSystem(source, SourceSystemKind.Internal);
        if (await store.FindNodeAsync(system.Key, cancellationToken).ConfigureAwait(false) is null)
        {
            builder.Add(system);
        }
    }
}

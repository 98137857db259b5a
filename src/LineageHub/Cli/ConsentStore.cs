using System.CommandLine;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Storage;
using LineageHub.Core.Consent;
using LineageHub.Core.Subjects;

namespace LineageHub.Cli;

/// <summary>
/// The local store the consent verbs work on: consent evidence (subject sets, consent batches) is kept by the
/// SQLite store; the Neo4j adapter and a remote server do not offer it yet, and saying so beats a partial answer.
/// </summary>
public sealed class ConsentStore : IAsyncDisposable
{
    private ConsentStore(ILineageStore store, IConsentEvidenceStore evidence)
    {
        Lineage = store;
        Evidence = evidence;
    }

    public ILineageStore Lineage { get; }

    public IConsentEvidenceStore Evidence { get; }

    public static async Task<ConsentStore> OpenAsync(StoreOptions options, ParseResult parse, CancellationToken cancellationToken)
    {
        if (parse.GetValue(options.Server) is not null)
        {
            throw LineageHubException.InvalidInput("the consent verbs work on a local store (--data); --server is not supported for them yet");
        }
        var store = await StoreOptions.OpenStoreAsync(StoreOptions.Kind(parse.GetValue(options.Store)), StoreOptions.DataDirectory(parse.GetValue(options.Data)), options.Neo4j, parse, null, cancellationToken);
        if (store is not IConsentEvidenceStore evidence)
        {
            await store.DisposeAsync();
            throw LineageHubException.InvalidInput("consent evidence (subject sets, consent batches) is kept by the SQLite store only; use --store sqlite");
        }
        return new ConsentStore(store, evidence);
    }

    /// <summary>Purposes declared by jobs, models and basis declarations: what a consent record may name.</summary>
    public async Task<HashSet<string>> DeclaredPurposesAsync(CancellationToken cancellationToken)
    {
        var purposes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in (NodeKind[])[NodeKind.Job, NodeKind.Model, NodeKind.BasisDeclaration])
        {
            await foreach (var node in AllAsync(kind, cancellationToken))
            {
                var purpose = node.ToNode() switch
                {
                    Job job => job.Purpose,
                    Model model => model.Purpose,
                    BasisDeclaration declaration => declaration.Purpose,
                    _ => null,
                };
                if (purpose is not null)
                {
                    purposes.Add(purpose);
                }
            }
        }
        return purposes;
    }

    /// <summary>Every dataset version registered with a subject set, with the set.</summary>
    public IAsyncEnumerable<(DatasetVersion Version, SubjectSet Set)> SubjectSetsAsync(CancellationToken cancellationToken) =>
        SubjectImpactFinder.SubjectSetsAsync(Lineage, Evidence, cancellationToken);

    public IAsyncEnumerable<NodeRecord> AllAsync(NodeKind kind, CancellationToken cancellationToken) => Lineage.AllNodesAsync(kind, cancellationToken);

    public ValueTask DisposeAsync() => Lineage.DisposeAsync();
}

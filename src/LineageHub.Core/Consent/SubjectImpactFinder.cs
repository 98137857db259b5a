using LineageHub.Core.Domain;
using LineageHub.Core.Storage;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Consent;

/// <summary>Finds a subject's <see cref="SubjectImpact"/> from the graph and the stored subject sets.</summary>
public static class SubjectImpactFinder
{
    /// <summary>The impact of <paramref name="subject"/>; <paramref name="notIn"/> names versions to prove them absent from (null: every other version of each dataset that held them).</summary>
    public static async Task<SubjectImpact> FindAsync(ILineageStore store, IConsentEvidenceStore evidence, SubjectPseudonym subject, IReadOnlyList<NodeKey>? notIn, CancellationToken cancellationToken)
    {
        var containing = new List<DatasetVersion>();
        var sets = new Dictionary<NodeKey, SubjectSet>();
        await foreach (var (version, set) in SubjectSetsAsync(store, evidence, cancellationToken))
        {
            sets[version.Key] = set;
            if (set.Contains(subject))
            {
                containing.Add(version);
            }
        }
        var (downstream, models) = await DownstreamAsync(store, containing.Select(v => v.Key), cancellationToken);
        var targets = notIn is { Count: > 0 } ? notIn : await OtherVersionsAsync(store, containing, cancellationToken);
        var absent = new List<SubjectAbsence>();
        foreach (var target in targets.Distinct())
        {
            if (!sets.TryGetValue(target, out var set))
            {
                throw LineageHubException.NotFound(ConsentMessages.NoSubjectSetToProveAbsence(target));
            }
            if (set.ProveAbsence(subject) is { } proof)
            {
                absent.Add(new SubjectAbsence(target, set.Root, proof));
            }
        }
        var records = await evidence.FindConsentRecordsAsync(subject, cancellationToken);
        return new SubjectImpact(subject, [.. containing.Select(v => v.Key)], downstream, models, records, absent);
    }

    /// <summary>Every dataset version registered with a subject set, with the set.</summary>
    public static async IAsyncEnumerable<(DatasetVersion Version, SubjectSet Set)> SubjectSetsAsync(ILineageStore store, IConsentEvidenceStore evidence, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var node in store.AllNodesAsync(NodeKind.DatasetVersion, cancellationToken))
        {
            var version = node.As<DatasetVersion>();
            if (version.Subjects is { } reference && await evidence.GetSubjectSetAsync(reference.Root, cancellationToken) is { } set)
            {
                yield return (version, set);
            }
        }
    }

    // Downstream of the versions: runs that read them, what those runs wrote (and so on), versions derived
    // from them, and the model versions the runs produced.
    private static async Task<(List<NodeKey> Versions, List<NodeKey> Models)> DownstreamAsync(ILineageStore store, IEnumerable<NodeKey> start, CancellationToken cancellationToken)
    {
        var seen = new HashSet<NodeKey>(start);
        var pending = new Queue<NodeKey>(seen);
        var versions = new List<NodeKey>();
        var models = new SortedSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var version = pending.Dequeue();
            var next = new List<NodeKey>();
            foreach (var read in await store.GetEdgesAsync(version, EdgeDirection.Incoming, EdgeKind.Read, cancellationToken: cancellationToken))
            {
                next.AddRange((await store.GetEdgesAsync(read.From, EdgeDirection.Outgoing, EdgeKind.Wrote, cancellationToken: cancellationToken)).Select(e => e.To));
                foreach (var produced in await store.GetEdgesAsync(read.From, EdgeDirection.Outgoing, EdgeKind.Produced, cancellationToken: cancellationToken))
                {
                    models.Add(produced.To.ToString());
                }
            }
            next.AddRange((await store.GetEdgesAsync(version, EdgeDirection.Incoming, EdgeKind.DerivedFrom, cancellationToken: cancellationToken)).Select(e => e.From));
            foreach (var key in next.Where(seen.Add))
            {
                versions.Add(key);
                pending.Enqueue(key);
            }
        }
        return (versions, [.. models.Select(NodeKey.Parse)]);
    }

    private static async Task<List<NodeKey>> OtherVersionsAsync(ILineageStore store, List<DatasetVersion> containing, CancellationToken cancellationToken)
    {
        var held = containing.Select(v => v.Key).ToHashSet();
        var others = new List<NodeKey>();
        foreach (var dataset in containing.Select(v => new DatasetId(v.Namespace, v.Name).Key).Distinct())
        {
            others.AddRange((await store.GetEdgesAsync(dataset, EdgeDirection.Incoming, EdgeKind.VersionOf, cancellationToken: cancellationToken))
                .Select(e => e.From).Where(k => !held.Contains(k)));
        }
        return others;
    }
}

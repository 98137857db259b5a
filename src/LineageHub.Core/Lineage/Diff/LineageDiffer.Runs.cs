using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

public sealed partial class LineageDiffer
{
    // Environment keys the run manifest reader records about the working tree: they describe the code, so
    // they are reported with it and not as environment changes.
    private const string GitPrefix = "git.";
    private const string DirtyKey = "git.dirty";
    private const string DiffDigestKey = "git.diff_sha256";

    private async Task DiffRunsAsync(Session session, NodeKey a, NodeKey b, CancellationToken cancellationToken)
    {
        var older = session.Record<Run>(a);
        var newer = session.Record<Run>(b);
        var subject = Describe(new JobId(newer.JobNamespace, newer.JobName).Key);
        var distance = session.DistanceOf([a], [b]);
        DiffInputs(session, a, b, subject, distance);
        foreach (var value in Values(older.Parameters, newer.Parameters, _ => true))
        {
            session.Add(new LineageChange(ChangeKind.Parameter, subject, distance, a, b) { Value = value }, [a], [b]);
        }
        foreach (var value in Values(older.Environment, newer.Environment, key => !key.StartsWith(GitPrefix, StringComparison.Ordinal)))
        {
            session.Add(new LineageChange(ChangeKind.Environment, subject, distance, a, b) { Value = value }, [a], [b]);
        }
        await DiffCodeAsync(session, (a, older), (b, newer), subject, cancellationToken).ConfigureAwait(false);
    }

    private static void DiffInputs(Session session, NodeKey a, NodeKey b, string subject, int distance)
    {
        var before = session.From.ReadsOf(a).Where(k => k.Kind == NodeKind.DatasetVersion).GroupBy(DatasetIdOf).ToDictionary(g => g.Key, g => g.First());
        var after = session.To.ReadsOf(b).Where(k => k.Kind == NodeKind.DatasetVersion).GroupBy(DatasetIdOf).ToDictionary(g => g.Key, g => g.First());
        var removed = before.Keys.Where(d => !after.ContainsKey(d)).OrderBy(d => d.ToString(), StringComparer.Ordinal).ToList();
        var added = after.Keys.Where(d => !before.ContainsKey(d)).OrderBy(d => d.ToString(), StringComparer.Ordinal).ToList();
        if (removed.Count == 1 && added.Count == 1)
        {
            var input = new InputChange(removed[0], before[removed[0]], added[0], after[added[0]]);
            session.Add(new LineageChange(ChangeKind.InputSwapped, subject, distance, a, b) { Input = input }, [a], [b]);
            return;
        }
        foreach (var dataset in removed)
        {
            session.Add(new LineageChange(ChangeKind.InputRemoved, subject, distance, a, b) { Input = new InputChange(dataset, before[dataset], null, null) }, [a], [b]);
        }
        foreach (var dataset in added)
        {
            session.Add(new LineageChange(ChangeKind.InputAdded, subject, distance, a, b) { Input = new InputChange(null, null, dataset, after[dataset]) }, [a], [b]);
        }
    }

    /// <summary>Keys added, removed or changed, in ordinal key order.</summary>
    private static IEnumerable<ValueChange> Values(IReadOnlyDictionary<string, string>? before, IReadOnlyDictionary<string, string>? after, Func<string, bool> compared)
    {
        before ??= new Dictionary<string, string>();
        after ??= new Dictionary<string, string>();
        foreach (var key in before.Keys.Union(after.Keys).Where(compared).Order(StringComparer.Ordinal))
        {
            var old = before.GetValueOrDefault(key);
            var now = after.GetValueOrDefault(key);
            if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                yield return new ValueChange(key, old, now);
            }
        }
    }
}

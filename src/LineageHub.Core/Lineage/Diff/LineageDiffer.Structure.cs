using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

public sealed partial class LineageDiffer
{
    /// <summary>
    /// Pairs the one-sided runs by job and the one-sided dataset versions by dataset; a job or dataset with
    /// nothing on the other side is added or removed. The compared nodes themselves are always paired.
    /// </summary>
    private static void Pair(Session session)
    {
        var (from, to) = (session.From, session.To);
        var onlyFrom = from.Keys.Where(k => !to.Contains(k)).ToList();
        var onlyTo = to.Keys.Where(k => !from.Contains(k)).ToList();
        var paired = new HashSet<NodeKey>();
        if (session.Request.From != session.Request.To)
        {
            var starts = session.Request.From.Kind == NodeKind.Run ? session.RunPairs : session.Request.From.Kind == NodeKind.DatasetVersion ? session.VersionPairs : null;
            if (starts is not null)
            {
                starts.Add((session.Request.From, session.Request.To));
                paired.Add(session.Request.From);
                paired.Add(session.Request.To);
            }
        }

        PairRuns(session, onlyFrom.Where(k => k.Kind == NodeKind.Run && !paired.Contains(k)), onlyTo.Where(k => k.Kind == NodeKind.Run && !paired.Contains(k)));
        foreach (var job in onlyTo.Where(k => k.Kind == NodeKind.Job))
        {
            var runs = to.RunsOf(job).ToList();
            session.Add(new LineageChange(ChangeKind.JobAdded, Describe(job), session.DistanceOf([], runs), null, job), [], runs);
        }
        foreach (var job in onlyFrom.Where(k => k.Kind == NodeKind.Job))
        {
            var runs = from.RunsOf(job).ToList();
            session.Add(new LineageChange(ChangeKind.JobRemoved, Describe(job), session.DistanceOf(runs, []), job, null), runs, []);
        }
        PairVersions(session, onlyFrom.Where(k => k.Kind == NodeKind.DatasetVersion && !paired.Contains(k)).ToList(), onlyTo.Where(k => k.Kind == NodeKind.DatasetVersion && !paired.Contains(k)).ToList());
    }

    private static void PairRuns(Session session, IEnumerable<NodeKey> onlyFrom, IEnumerable<NodeKey> onlyTo)
    {
        var (from, to) = (session.From, session.To);
        var fromByJob = onlyFrom.GroupBy(r => from.JobOf(r) ?? r).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var group in onlyTo.GroupBy(r => to.JobOf(r) ?? r))
        {
            if (!fromByJob.Remove(group.Key, out var older))
            {
                // The job is new (reported as such) or its run's job lies beyond the budget.
                continue;
            }
            var newer = group.ToList();
            if (older.Count == 1 && newer.Count == 1)
            {
                session.RunPairs.Add((older[0], newer[0]));
                continue;
            }
            // Several runs of one job on a side: pair those that wrote the same datasets, nearest first.
            foreach (var run in newer.OrderBy(to.DepthOf))
            {
                var outputs = Outputs(to, run);
                var match = older.OrderBy(from.DepthOf).Cast<NodeKey?>().FirstOrDefault(o => Outputs(from, o!.Value) == outputs);
                if (match is { } matched)
                {
                    older.Remove(matched);
                    session.RunPairs.Add((matched, run));
                }
                else
                {
                    session.Warnings.Add($"a run of {Describe(group.Key)} on the to side ({run}) matches no run on the from side; it was not compared");
                }
            }
            foreach (var run in older)
            {
                session.Warnings.Add($"a run of {Describe(group.Key)} on the from side ({run}) matches no run on the to side; it was not compared");
            }
        }
    }

    private static string Outputs(DiffSide side, NodeKey run) =>
        string.Join('\n', side.WritesOf(run).Select(DatasetOf).Order(StringComparer.Ordinal));

    private static void PairVersions(Session session, List<NodeKey> onlyFrom, List<NodeKey> onlyTo)
    {
        var (from, to) = (session.From, session.To);
        var fromByDataset = onlyFrom.GroupBy(DatasetOf).ToDictionary(g => g.Key, g => g.ToList());
        HashSet<string>? fromDatasets = null;
        HashSet<string>? toDatasets = null;
        foreach (var group in onlyTo.GroupBy(DatasetOf))
        {
            var newer = group.ToList();
            if (fromByDataset.Remove(group.Key, out var older))
            {
                if (older.Count == 1 && newer.Count == 1)
                {
                    session.VersionPairs.Add((older[0], newer[0]));
                }
                else
                {
                    session.Warnings.Add($"{group.Key} has {older.Count} versions upstream only on the from side and {newer.Count} only on the to side; they were not paired");
                }
                continue;
            }
            fromDatasets ??= [.. from.Keys.Where(k => k.Kind == NodeKind.DatasetVersion).Select(DatasetOf)];
            if (!fromDatasets.Contains(group.Key))
            {
                session.Add(new LineageChange(ChangeKind.DatasetAdded, group.Key, session.DistanceOf([], newer), null, newer[0]), [], newer);
            }
        }
        foreach (var (dataset, older) in fromByDataset)
        {
            toDatasets ??= [.. to.Keys.Where(k => k.Kind == NodeKind.DatasetVersion).Select(DatasetOf)];
            if (!toDatasets.Contains(dataset))
            {
                session.Add(new LineageChange(ChangeKind.DatasetRemoved, dataset, session.DistanceOf(older, []), older[0], null), older, []);
            }
        }
    }

    private static string DatasetOf(NodeKey version) => Describe(version);

    private static DatasetId DatasetIdOf(NodeKey version) =>
        DatasetVersionId.TryFromKey(version, out var id) ? id.Dataset : throw LineageHubException.Corrupt($"{version} is not a dataset version key");
}

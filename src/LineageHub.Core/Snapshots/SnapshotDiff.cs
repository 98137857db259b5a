namespace LineageHub.Core.Snapshots;

/// <summary>
/// What changed between two table snapshots, from their chunk lists alone: chunks whose roots appear on
/// both sides are unchanged; runs of the others are the changed key (or row) ranges. Rows "added" and
/// "removed" are what the chunks tell: every row of a changed old chunk counts as removed and every row of
/// a changed new chunk as added, so a changed row counts once each way.
/// </summary>
public static class SnapshotDiff
{
    public static SnapshotDiffResult Compare(IReadOnlyList<SnapshotChunk> before, IReadOnlyList<SnapshotChunk> after)
    {
        var beforeRoots = before.Select(c => c.Root).ToHashSet();
        var afterRoots = after.Select(c => c.Root).ToHashSet();
        var removed = Runs(before, afterRoots);
        var added = Runs(after, beforeRoots);
        var ranges = new List<ChangedRange>();
        // Pair the n-th changed run of each side: with content-defined chunks an edit leaves one run per side.
        for (var i = 0; i < Math.Max(removed.Count, added.Count); i++)
        {
            var b = i < removed.Count ? removed[i] : null;
            var a = i < added.Count ? added[i] : null;
            ranges.Add(new ChangedRange(
                b?.First.FirstKey ?? a?.First.FirstKey,
                b?.Last.LastKey ?? a?.Last.LastKey,
                b is null ? null : b.First.FirstRow,
                b?.Rows ?? 0,
                a is null ? null : a.First.FirstRow,
                a?.Rows ?? 0,
                b?.Chunks ?? 0,
                a?.Chunks ?? 0));
        }
        var beforeChanged = removed.Sum(r => r.Chunks);
        var afterChanged = added.Sum(r => r.Chunks);
        return new SnapshotDiffResult(before.Count, after.Count, beforeChanged, afterChanged, removed.Sum(r => r.Rows), added.Sum(r => r.Rows), ranges);
    }

    private static List<Run> Runs(IReadOnlyList<SnapshotChunk> chunks, HashSet<Hashing.Digest> other)
    {
        var runs = new List<Run>();
        Run? open = null;
        foreach (var chunk in chunks)
        {
            if (other.Contains(chunk.Root))
            {
                open = null;
                continue;
            }
            if (open is null)
            {
                open = new Run(chunk);
                runs.Add(open);
            }
            open.Extend(chunk);
        }
        return runs;
    }

    private sealed class Run(SnapshotChunk first)
    {
        public SnapshotChunk First { get; } = first;

        public SnapshotChunk Last { get; private set; } = first;

        public long Rows { get; private set; }

        public int Chunks { get; private set; }

        public void Extend(SnapshotChunk chunk)
        {
            Last = chunk;
            Rows += chunk.Rows;
            Chunks++;
        }
    }
}

using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

public sealed partial class LineageDiffer
{
    private async Task DiffDataAsync(Session session, CancellationToken cancellationToken)
    {
        foreach (var (a, b) in session.VersionPairs)
        {
            var older = session.Record<DatasetVersion>(a);
            var newer = session.Record<DatasetVersion>(b);
            var recorded = new DataChange(DatasetIdOf(b), a, b, newer.Mode, older.LeafCount, newer.LeafCount, older.ByteSize, newer.ByteSize,
                older.SchemaFingerprint != newer.SchemaFingerprint);
            var notes = new List<string>();
            if (older.Mode != newer.Mode)
            {
                notes.Add($"the versions were snapshotted in different modes ({Mode(older.Mode)} and {Mode(newer.Mode)}); only their records are compared");
                recorded = recorded with { Notes = notes };
            }
            var change = older.Mode == newer.Mode
                ? await _evidence.DescribeDataAsync(older, newer, recorded, cancellationToken).ConfigureAwait(false)
                : recorded;
            session.Add(new LineageChange(ChangeKind.Data, DatasetOf(b), session.DistanceOf([a], [b]), a, b) { Data = change }, [a], [b]);
        }
    }

    private static string Mode(SnapshotMode mode) => mode.ToString().ToLowerInvariant();
}

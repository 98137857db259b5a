using LineageHub.Connectors.Datasets.Tables;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tests.Support;

/// <summary>Table snapshots with one fixed salt key, so roots of different files can be compared.</summary>
public static class Snap
{
    public static readonly SnapshotSaltKey Key = SnapshotSaltKey.FromBytes(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static TableSnapshotRequest Request(string path, string? key = null) => new(path, Key) { Key = key, Parallelism = 2 };

    public static TableSnapshot Table(string path, string? key = null) => TableSnapshotter.Snapshot(Request(path, key));

    /// <summary>The message of the bad-input error snapshotting <paramref name="path"/> raises.</summary>
    public static string Error(string path, string? key = null, bool allowDuplicates = false)
    {
        var ex = Assert.Throws<Core.LineageHubException>(() => TableSnapshotter.Snapshot(Request(path, key) with { AllowDuplicateKeys = allowDuplicates }));
        return ex.Message;
    }

    /// <summary>Rows "id,name,amount" for ids first..last, amount = id × 1.5.</summary>
    public static string Csv(int first, int last, Func<int, string>? row = null)
    {
        var text = new System.Text.StringBuilder("id,name,amount\n");
        for (var i = first; i <= last; i++)
        {
            text.Append(row?.Invoke(i) ?? $"{i},name {i},{i * 1.5:0.0#}").Append('\n');
        }
        return text.ToString();
    }
}

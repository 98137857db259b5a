using LineageHub.Core;
using LineageHub.Core.Lineage.Diff;
using LineageHub.Core.Storage;
using LineageHub.Diff;
using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Types;

namespace LineageHub.Api.GraphQL;

// Query.lineageDiff: the Core lineage diff over the store's records only (no file or repository is read
// on the server), shaped for the schema's LineageDiff types.
public static partial class LineageSchema
{
    private const int MaxDiffDepth = 10_000;
    private const int MaxDiffNodes = 1_000_000;

    private static void BindDiff(Schema schema, ILineageStore store)
    {
        foreach (var kind in Enum.GetValues<ChangeKind>())
        {
            schema.BindEnumValue("LineageChangeKind", ScreamingSnake(kind.ToString()), kind);
        }
        BindEnum<FileChangeKind>(schema, "CodeFileChangeKind");
        schema.Resolve("Query", "lineageDiff", async ctx =>
        {
            var depth = ctx.GetArgument<int?>("depth");
            var maxNodes = ctx.GetArgument("maxNodes", 100_000);
            if (depth is < 0 or > MaxDiffDepth)
            {
                throw LineageHubException.InvalidInput(DiffReportMessages.DepthOutOfRange(depth.Value, MaxDiffDepth));
            }
            if (maxNodes is < 1 or > MaxDiffNodes)
            {
                throw LineageHubException.InvalidInput(DiffReportMessages.NodesOutOfRange(maxNodes, MaxDiffNodes));
            }
            var request = new LineageDiffRequest(Ids.Parse(Text(ctx, "from"), "from"), Ids.Parse(Text(ctx, "to"), "to"))
            {
                MaxDepth = depth ?? int.MaxValue,
                MaxNodes = maxNodes,
            };
            return DiffView(await new LineageDiffer(store).DiffAsync(request, ctx.CancellationToken));
        });
    }

    private static Dictionary<string, object?> DiffView(LineageDiff diff)
    {
        var changes = diff.Changes.Select(ChangeView).ToList();
        return Map(
            ("from", diff.From.ToString()), ("to", diff.To.ToString()), ("empty", diff.IsEmpty), ("truncated", diff.Truncated),
            ("fromTruncation", diff.FromLineage.Truncation), ("toTruncation", diff.ToLineage.Truncation),
            ("fromNodes", diff.FromLineage.Nodes.Count), ("toNodes", diff.ToLineage.Nodes.Count),
            ("changes", changes), ("rootCauses", changes.Where(c => (bool)c["rootCause"]!).ToList()),
            ("metrics", diff.Metrics.Select(MetricView).ToList()),
            ("integrity", diff.Integrity.Select(f => Map(("version", f.Version.ToString()), ("sides", f.Sides), ("outcome", f.Outcome.ToString().ToLowerInvariant()), ("checkedAt", f.CheckedAt), ("evidence", f.Evidence))).ToList()),
            ("warnings", diff.Warnings));
    }

    private static Dictionary<string, object?> ChangeView(LineageChange c) => Map(
        ("kind", c.Kind), ("subject", c.Subject), ("distance", c.Distance), ("rootCause", c.RootCause),
        ("fromId", c.FromNode?.ToString()), ("toId", c.ToNode?.ToString()),
        ("input", c.Input is { } i ? Map(("fromDataset", i.FromDataset?.ToString()), ("fromVersion", i.FromVersion?.ToString()), ("toDataset", i.ToDataset?.ToString()), ("toVersion", i.ToVersion?.ToString())) : null),
        ("data", c.Data is { } d ? DataView(d) : null),
        ("code", c.Code is { } code ? CodeView(code) : null),
        ("value", c.Value is { } v ? Map(("key", v.Key), ("from", v.From), ("to", v.To)) : null),
        ("metric", c.Metric is { } m ? MetricView(m) : null));

    private static Dictionary<string, object?> DataView(DataChange d) => Map(
        ("dataset", d.Dataset.ToString()), ("fromVersion", d.FromVersion.ToString()), ("toVersion", d.ToVersion.ToString()), ("mode", d.Mode),
        ("leavesBefore", (double)d.LeavesBefore), ("leavesAfter", (double)d.LeavesAfter), ("bytesBefore", (double)d.BytesBefore), ("bytesAfter", (double)d.BytesAfter),
        ("schemaChanged", d.SchemaChanged), ("columnsAdded", d.ColumnsAdded), ("columnsRemoved", d.ColumnsRemoved),
        ("changedChunksBefore", d.Chunks?.ChangedChunksBefore), ("changedChunksAfter", d.Chunks?.ChangedChunksAfter),
        ("rowsRemoved", (double?)d.Chunks?.RowsRemoved), ("rowsAdded", (double?)d.Chunks?.RowsAdded),
        ("ranges", (d.Chunks?.Ranges ?? []).Select(r => Map(("firstKey", r.FirstKey), ("lastKey", r.LastKey), ("rowsBefore", (double)r.RowsBefore), ("rowsAfter", (double)r.RowsAfter))).ToList()),
        ("filesAdded", d.FilesAdded), ("filesRemoved", d.FilesRemoved), ("filesChanged", d.FilesChanged), ("notes", d.Notes));

    private static Dictionary<string, object?> CodeView(CodeChange c) => Map(
        ("repository", c.Repository), ("fromCommit", c.FromCommit), ("toCommit", c.ToCommit),
        ("commitsAdded", c.CommitsAdded.Select(CommitView).ToList()), ("commitsDropped", c.CommitsDropped.Select(CommitView).ToList()),
        ("commitsTruncated", c.CommitsTruncated), ("filesPinned", c.FilesPinned), ("warnings", c.Warnings),
        ("files", c.Files.Select(f => Map(("path", f.Path), ("kind", f.Kind), ("linesAdded", f.LinesAdded), ("linesDeleted", f.LinesDeleted), ("oldPath", f.OldPath))).ToList()));

    private static Dictionary<string, object?> CommitView(CommitSummary c) =>
        Map(("sha", c.Sha), ("subject", c.Subject), ("author", c.Author), ("committedAt", c.CommittedAt));

    private static Dictionary<string, object?> MetricView(MetricDelta m) => Map(("name", m.Name), ("from", m.From), ("to", m.To), ("delta", m.Delta));

    private static Dictionary<string, object?> Map(params (string Name, object? Value)[] fields)
    {
        var map = new Dictionary<string, object?>(fields.Length, StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            map[name] = value;
        }
        return map;
    }

    // JobAdded → JOB_ADDED.
    private static string ScreamingSnake(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));
}

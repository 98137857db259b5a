using System.Globalization;
using System.Text;
using LineageHub.Core.Lineage.Diff;

namespace LineageHub.Diff;

/// <summary>
/// The terminal summary of a lineage diff, written to be read in ten seconds: one headline, the root causes,
/// then their consequences, each change on one line from the farthest upstream down, then the metrics.
/// </summary>
public static class DiffSummary
{
    public static string Describe(LineageDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var text = new StringBuilder();
        var roots = diff.Changes.Count(c => c.RootCause);
        text.Append(CultureInfo.InvariantCulture, $"{diff.From} → {diff.To}: ");
        text.Append(diff.IsEmpty ? "no changes upstream" : $"{Count(diff.Changes.Count, "change")}, {Count(roots, "root cause")}");
        text.Append(CultureInfo.InvariantCulture, $" ({diff.FromLineage.Nodes.Count} and {diff.ToLineage.Nodes.Count} nodes compared)\n");
        if (diff.Truncated)
        {
            text.Append("TRUNCATED: a budget cut a lineage short; changes beyond it are not seen\n");
        }
        Section(text, "root causes", diff.Changes.Where(c => c.RootCause));
        Section(text, "consequences", diff.Changes.Where(c => !c.RootCause));
        if (diff.Metrics.Count > 0)
        {
            text.Append("metrics\n");
            foreach (var m in diff.Metrics)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {m.Name,-20} {Number(m.From),10} {Number(m.To),10} {(m.Delta is { } d ? Signed(d) : ""),10}\n");
            }
        }
        foreach (var finding in diff.Integrity)
        {
            text.Append(CultureInfo.InvariantCulture, $"integrity: {finding.Version} ({finding.Sides}) last verified {finding.Outcome.ToString().ToLowerInvariant()} at {finding.CheckedAt:u}\n");
        }
        foreach (var warning in diff.Warnings)
        {
            text.Append("warning: ").Append(warning).Append('\n');
        }
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>One change in a line: what it is, where, and the gist of its detail.</summary>
    public static string Line(LineageChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var what = change.Kind switch
        {
            ChangeKind.Data => Data(change.Data!),
            ChangeKind.Code => Code(change.Code!),
            ChangeKind.Parameter or ChangeKind.Environment or ChangeKind.Consent => Value(change.Value!),
            ChangeKind.Metric => $"{change.Metric!.Name} {Number(change.Metric.From)} → {Number(change.Metric.To)}{(change.Metric.Delta is { } d ? $" ({Signed(d)})" : "")}",
            ChangeKind.InputAdded => $"now reads {change.Input!.ToDataset}",
            ChangeKind.InputRemoved => $"no longer reads {change.Input!.FromDataset}",
            ChangeKind.InputSwapped => $"reads {change.Input!.ToDataset} instead of {change.Input.FromDataset}",
            ChangeKind.JobAdded or ChangeKind.DatasetAdded => "only upstream of the newer side",
            _ => "only upstream of the older side",
        };
        return $"{Label(change.Kind)} {change.Subject}: {what}";
    }

    public static string Label(ChangeKind kind) => kind switch
    {
        ChangeKind.JobAdded => "job added",
        ChangeKind.JobRemoved => "job removed",
        ChangeKind.DatasetAdded => "dataset added",
        ChangeKind.DatasetRemoved => "dataset removed",
        ChangeKind.InputAdded or ChangeKind.InputRemoved or ChangeKind.InputSwapped => "inputs",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static void Section(StringBuilder text, string title, IEnumerable<LineageChange> changes)
    {
        var list = changes.ToList();
        if (list.Count == 0)
        {
            return;
        }
        text.Append(title).Append('\n');
        foreach (var change in list)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {Line(change)}  [{change.Distance} up]\n");
        }
    }

    private static string Data(DataChange d)
    {
        var parts = new List<string>();
        if (d.Rows is { } rows)
        {
            parts.Add($"{rows.Changed:N0} rows changed, {rows.Added:N0} added, {rows.Removed:N0} removed");
        }
        else if (d.Chunks is { } chunks)
        {
            parts.Add($"{chunks.ChunksTouched} chunks differ: as far as chunks tell, {chunks.RowsRemoved:N0} rows out, {chunks.RowsAdded:N0} in");
        }
        else
        {
            parts.Add($"new version, {d.LeavesBefore:N0} → {d.LeavesAfter:N0} {(d.Mode == Core.Domain.SnapshotMode.Table ? "rows" : "chunks")}");
        }
        if (d.ColumnsRemoved.Count > 0)
        {
            parts.Add($"column{Plural(d.ColumnsRemoved.Count)} {string.Join(", ", d.ColumnsRemoved)} dropped");
        }
        if (d.ColumnsAdded.Count > 0)
        {
            parts.Add($"column{Plural(d.ColumnsAdded.Count)} {string.Join(", ", d.ColumnsAdded)} added");
        }
        parts.AddRange(d.ColumnsRetyped.Select(r => $"{r.Column} retyped {string.Join('/', r.From)} → {string.Join('/', r.To)}"));
        if (d.FilesAdded.Count + d.FilesRemoved.Count + d.FilesChanged.Count > 0)
        {
            parts.Add($"files {d.FilesAdded.Count} added, {d.FilesRemoved.Count} removed, {d.FilesChanged.Count} changed");
        }
        return string.Join("; ", parts);
    }

    private static string Code(CodeChange c)
    {
        var parts = new List<string>();
        if (c.Files.Count > 0)
        {
            parts.Add(string.Join(", ", c.Files.Take(5).Select(f => $"{f.Path} {f.Kind.ToString().ToLowerInvariant()}{(f.LinesAdded is { } a && f.LinesDeleted is { } r ? $" (+{a} −{r})" : "")}"))
                + (c.Files.Count > 5 ? $" and {c.Files.Count - 5} more" : ""));
        }
        if (c.CommitsAdded.Count > 0)
        {
            parts.Add($"{Count(c.CommitsAdded.Count, "commit")}{(c.CommitsTruncated ? "+" : "")}, latest \"{c.CommitsAdded[0].Subject}\"");
        }
        else if (c.FromCommit != c.ToCommit)
        {
            parts.Add($"{Short(c.FromCommit)} → {Short(c.ToCommit)}");
        }
        if (c.CommitsDropped.Count > 0)
        {
            parts.Add($"{Count(c.CommitsDropped.Count, "commit")} of the older side not in the newer");
        }
        if (c.Warnings.Count > 0)
        {
            parts.Add(Count(c.Warnings.Count, "warning"));
        }
        return string.Join("; ", parts);
    }

    private static string Value(ValueChange v) => (v.From, v.To) switch
    {
        (null, _) => $"{v.Key} = {v.To} added",
        (_, null) => $"{v.Key} = {v.From} removed",
        _ => $"{v.Key} {v.From} → {v.To}",
    };

    private static string Short(string? sha) => sha is null ? "none" : sha[..Math.Min(12, sha.Length)];

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "-";

    private static string Signed(double value) => (value >= 0 ? "+" : "−") + Math.Abs(value).ToString("0.####", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => $"{n} {noun}{Plural(n)}";

    private static string Plural(int n) => n == 1 ? "" : "s";
}

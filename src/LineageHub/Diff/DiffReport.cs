using System.Globalization;
using System.Net;
using System.Text;
using LineageHub.Core.Domain;
using LineageHub.Core.Lineage.Diff;
using LineageHub.Diff.Svg;

namespace LineageHub.Diff;

/// <summary>
/// The HTML report of a lineage diff: the summary, both lineage graphs side by side as inline SVG with
/// the changed nodes highlighted, and every change with its detail. One self-contained file; no script.
/// </summary>
public static class DiffReport
{
    public static string Html(LineageDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var fromMarks = Marks(diff.Changes, c => c.FromNode);
        var toMarks = Marks(diff.Changes, c => c.ToNode);
        var fromKeys = diff.FromLineage.Nodes.Select(n => n.Key).ToHashSet();
        var toKeys = diff.ToLineage.Nodes.Select(n => n.Key).ToHashSet();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"Lineage diff: {diff.From} → {diff.To}"))
            .Append("</title><style>")
            .Append("body{font-family:sans-serif;margin:24px;color:#0f172a}.sides{display:flex;gap:16px;align-items:flex-start}")
            .Append(".side{flex:1;overflow:auto;border:1px solid #cbd5e1;border-radius:6px;padding:8px}h2{font-size:15px;margin:4px 0 8px}")
            .Append("table{border-collapse:collapse;margin-top:16px}td,th{border-bottom:1px solid #e2e8f0;padding:4px 10px;text-align:left;vertical-align:top}")
            .Append(".root{background:#f8b4b4}.consequence{background:#fde68a}.legend span{display:inline-block;padding:2px 8px;margin-right:8px;border-radius:4px}")
            .Append("pre{white-space:pre-wrap;background:#f8fafc;padding:12px;border-radius:6px}</style></head><body>\n");
        html.Append("<h1>").Append(E($"{diff.From} → {diff.To}")).Append("</h1>\n");
        html.Append("<pre>").Append(E(DiffSummary.Describe(diff))).Append("</pre>\n");
        html.Append("<p class=\"legend\"><span class=\"root\">root cause</span><span class=\"consequence\">consequence</span>dashed outline: on one side only</p>\n");
        html.Append("<div class=\"sides\">");
        Side(html, $"from {diff.From}", LineageSvg.Draw(diff.FromLineage, k => fromMarks.GetValueOrDefault(k), k => !toKeys.Contains(k)));
        Side(html, $"to {diff.To}", LineageSvg.Draw(diff.ToLineage, k => toMarks.GetValueOrDefault(k), k => !fromKeys.Contains(k)));
        html.Append("</div>\n<table><tr><th>kind</th><th>what</th><th>upstream</th><th></th></tr>\n");
        foreach (var change in diff.Changes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"{(change.RootCause ? "root" : "consequence")}\"><td>{E(DiffSummary.Label(change.Kind))}</td><td>{E(DiffSummary.Line(change))}</td><td>{change.Distance}</td><td>{(change.RootCause ? "root cause" : "consequence")}</td></tr>\n");
        }
        return html.Append("</table>\n</body></html>\n").ToString();
    }

    private static Dictionary<NodeKey, LineageSvg.Mark> Marks(IEnumerable<LineageChange> changes, Func<LineageChange, NodeKey?> node)
    {
        var marks = new Dictionary<NodeKey, LineageSvg.Mark>();
        foreach (var change in changes)
        {
            if (node(change) is { } key)
            {
                // A node with a root cause on it shows as one, whatever else changed there.
                var mark = change.RootCause ? LineageSvg.Mark.RootCause : LineageSvg.Mark.Consequence;
                marks[key] = marks.GetValueOrDefault(key) == LineageSvg.Mark.RootCause ? LineageSvg.Mark.RootCause : mark;
            }
        }
        return marks;
    }

    private static void Side(StringBuilder html, string title, string svg) =>
        html.Append("<div class=\"side\"><h2>").Append(E(title)).Append("</h2>").Append(svg).Append("</div>");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

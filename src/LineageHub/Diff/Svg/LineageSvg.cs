using System.Globalization;
using System.Net;
using System.Text;
using LineageHub.Core.Domain;
using LineageHub.Core.Lineage;

namespace LineageHub.Diff.Svg;

/// <summary>
/// Draws one side's lineage as SVG: dataset versions, runs (named by their job), model versions and commits,
/// laid out in layers by <see cref="LayeredLayout"/> with data flowing left to right to the compared node.
/// Marked nodes are filled (root causes and consequences in their own colours); nodes only on this side are
/// outlined dashed. Past <see cref="MaxDrawn"/> nodes the nearest are drawn and the rest counted.
/// </summary>
public static class LineageSvg
{
    public const int MaxDrawn = 300;

    private const int ColumnWidth = 190;
    private const int RowHeight = 46;
    private const int BoxWidth = 160;
    private const int BoxHeight = 30;
    private const int Margin = 12;

    /// <summary>How a drawn node is marked.</summary>
    public enum Mark
    {
        None,
        RootCause,
        Consequence,
    }

    public static string Draw(TraversalResult lineage, Func<NodeKey, Mark> mark, Func<NodeKey, bool> oneSided)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        ArgumentNullException.ThrowIfNull(mark);
        ArgumentNullException.ThrowIfNull(oneSided);
        var jobs = lineage.Edges.Where(e => e.Kind == EdgeKind.RunOf).GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.First().To);
        var drawn = lineage.Nodes.Where(n => Drawable(n.Key.Kind)).OrderBy(n => n.Depth).Take(MaxDrawn).ToList();
        var index = new Dictionary<NodeKey, int>();
        foreach (var node in drawn)
        {
            index[node.Key] = index.Count;
        }
        var edges = new List<(int Up, int Down)>();
        foreach (var edge in lineage.Edges)
        {
            var (down, up) = EdgeRules.TargetIsUpstream(edge.Kind) ? (edge.From, edge.To) : (edge.To, edge.From);
            if (index.TryGetValue(up, out var u) && index.TryGetValue(down, out var d))
            {
                edges.Add((u, d));
            }
        }
        var layout = LayeredLayout.Of(drawn.Count, edges);
        var rows = drawn.Count == 0 ? 1 : Enumerable.Range(0, drawn.Count).GroupBy(i => layout.Layer[i]).Max(g => g.Count());
        var width = (Margin * 2) + (Math.Max(1, layout.LayerCount) * ColumnWidth);
        var height = (Margin * 2) + (rows * RowHeight) + (drawn.Count < CountDrawable(lineage) ? RowHeight : 0);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">");
        (double X, double Y) At(int v) => (Margin + ((layout.LayerCount - 1 - layout.Layer[v]) * ColumnWidth), Margin + (layout.Order[v] * RowHeight));
        foreach (var (up, down) in edges.Distinct())
        {
            var (x1, y1) = At(up);
            var (x2, y2) = At(down);
            var (sx, sy, ex, ey) = (x1 + BoxWidth, y1 + (BoxHeight / 2.0), x2, y2 + (BoxHeight / 2.0));
            var bend = Math.Max(20, (ex - sx) / 2);
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"M{sx:0.#},{sy:0.#} C{sx + bend:0.#},{sy:0.#} {ex - bend:0.#},{ey:0.#} {ex:0.#},{ey:0.#}\" fill=\"none\" stroke=\"#9aa5b1\" stroke-width=\"1\"/>");
        }
        foreach (var node in drawn)
        {
            var (x, y) = At(index[node.Key]);
            var job = jobs.TryGetValue(node.Key, out var j) ? j : (NodeKey?)null;
            var marked = mark(node.Key) is var m && m != Mark.None ? m : job is { } jk ? mark(jk) : Mark.None;
            var fill = marked switch { Mark.RootCause => "#f8b4b4", Mark.Consequence => "#fde68a", _ => "#f1f5f9" };
            var stroke = KindColour(node.Key.Kind);
            var dash = oneSided(node.Key) ? " stroke-dasharray=\"4 3\"" : "";
            var title = WebUtility.HtmlEncode(node.Key.ToString());
            svg.Append(CultureInfo.InvariantCulture, $"<g><title>{title}</title><rect x=\"{x}\" y=\"{y}\" width=\"{BoxWidth}\" height=\"{BoxHeight}\" rx=\"5\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\"{dash}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x + 6}\" y=\"{y + 19}\">{WebUtility.HtmlEncode(Clip(Label(node.Key, job), 26))}</text></g>");
        }
        if (drawn.Count < CountDrawable(lineage))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Margin}\" y=\"{height - Margin}\">{CountDrawable(lineage) - drawn.Count:N0} more nodes farther upstream are not drawn</text>");
        }
        return svg.Append("</svg>").ToString();
    }

    private static bool Drawable(NodeKind kind) => kind is NodeKind.DatasetVersion or NodeKind.Run or NodeKind.ModelVersion or NodeKind.Commit;

    private static int CountDrawable(TraversalResult lineage) => lineage.Nodes.Count(n => Drawable(n.Key.Kind));

    private static string KindColour(NodeKind kind) => kind switch
    {
        NodeKind.DatasetVersion => "#2563eb",
        NodeKind.Run => "#7c3aed",
        NodeKind.ModelVersion => "#059669",
        _ => "#64748b",
    };

    private static string Label(NodeKey key, NodeKey? job)
    {
        var parts = key.Parts();
        return key.Kind switch
        {
            NodeKind.DatasetVersion when parts.Length == 3 => $"{parts[1]} @{parts[2][..8]}",
            NodeKind.Run when job is { } j => "run " + j.Parts()[^1],
            NodeKind.ModelVersion when parts.Length == 2 => $"{parts[0]}@{parts[1]}",
            NodeKind.Commit when parts.Length == 2 => "commit " + parts[1][..Math.Min(8, parts[1].Length)],
            _ => key.ToString(),
        };
    }

    private static string Clip(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

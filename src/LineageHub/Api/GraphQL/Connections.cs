using LineageHub.Core.Storage;

namespace LineageHub.Api.GraphQL;

/// <summary>Builds connection values (<c>edges</c>, <c>nodes</c>, <c>pageInfo</c>, <c>totalCount</c>) for the default resolver to read.</summary>
internal static class Connections
{
    /// <summary>Where an edge item keeps the joining graph edge's raw properties (parsed only when selected).</summary>
    public const string PropertiesEntry = "__properties";

    /// <summary>A page of items with their cursors and (for graph neighbours) the joining edge's properties.</summary>
    public static Dictionary<string, object?> Build(IReadOnlyList<(string Cursor, Dictionary<string, object?> Node, object? Properties)> items, bool hasPrevious, bool hasNext, int? totalCount)
    {
        var edges = new List<object?>(items.Count);
        var nodes = new List<object?>(items.Count);
        foreach (var (cursor, node, properties) in items)
        {
            edges.Add(new Dictionary<string, object?>(StringComparer.Ordinal) { ["cursor"] = cursor, ["node"] = node, [PropertiesEntry] = properties });
            nodes.Add(node);
        }
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["edges"] = edges,
            ["nodes"] = nodes,
            ["totalCount"] = totalCount,
            ["pageInfo"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["hasPreviousPage"] = hasPrevious,
                ["hasNextPage"] = hasNext,
                ["startCursor"] = items.Count > 0 ? items[0].Cursor : null,
                ["endCursor"] = items.Count > 0 ? items[^1].Cursor : null,
            },
        };
    }

    /// <summary>A page of a root list read by key: one more row than asked tells whether the list goes on.</summary>
    public static async Task<Dictionary<string, object?>> RootAsync(ILineageStore store, Core.Domain.NodeKind kind, PageArguments page, NodePageRequest filter, CancellationToken cancellationToken)
    {
        var after = PageArguments.KeyOf(page.After, "after");
        var before = PageArguments.KeyOf(page.Before, "before");
        if (page.Size == 0)
        {
            return Build([], after is not null, before is not null, null);
        }
        var rows = await store.PageNodesAsync(kind, filter with { Limit = page.Size + 1, AfterKey = after, BeforeKey = before, Backward = page.Backward }, cancellationToken);
        var more = rows.Count > page.Size;
        var shown = !more ? rows : page.Backward ? rows.Skip(1).ToList() : rows.Take(page.Size).ToList();
        var items = shown
            .Select(r => (Record: r, View: NodeViews.From(r)))
            .Where(x => x.View is not null)
            .Select(x => (PageArguments.KeyCursor(x.Record.Key.Key), x.View!, (object?)null))
            .ToList();
        // Going forward, rows before `after` exist when a cursor was given; going backward, the same for `before`.
        return page.Backward
            ? Build(items, more, before is not null, null)
            : Build(items, after is not null, more, null);
    }
}

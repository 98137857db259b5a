using LineageHub.Core.Storage;

namespace LineageHub.Api.GraphQL;

/// <summary>Builds connection values (<see cref="Connection"/>) for the default resolver to read.</summary>
internal static class Connections
{
    /// <summary>Where an edge item keeps the joining graph edge's raw properties (parsed only when selected).</summary>
    public const string PropertiesEntry = "__properties";

    /// <summary>A page of a list held in memory, its items at <paramref name="offsets"/> of the list (cursors are offsets).</summary>
    public static Connection ByOffset(NodeView[] nodes, int[] offsets, object?[]? properties, bool hasPrevious, bool hasNext, int? totalCount) =>
        new(nodes, properties, offsets, hasPrevious, hasNext, totalCount);

    /// <summary>A page of a root list read by key: one more row than asked tells whether the list goes on.</summary>
    public static async Task<Connection> RootAsync(ILineageStore store, Core.Domain.NodeKind kind, PageArguments page, NodePageRequest filter, CancellationToken cancellationToken)
    {
        var after = PageArguments.KeyOf(page.After, "after");
        var before = PageArguments.KeyOf(page.Before, "before");
        if (page.Size == 0)
        {
            return ByKey([], after is not null, before is not null);
        }
        var rows = await store.PageNodesAsync(kind, filter with { Limit = page.Size + 1, AfterKey = after, BeforeKey = before, Backward = page.Backward }, cancellationToken);
        var more = rows.Count > page.Size;
        var (skip, take) = !more ? (0, rows.Count) : page.Backward ? (1, rows.Count - 1) : (0, page.Size);
        var views = new List<NodeView>(take);
        for (var i = skip; i < skip + take; i++)
        {
            if (NodeViews.From(rows[i]) is { } view)
            {
                views.Add(view);
            }
        }
        // Going forward, rows before `after` exist when a cursor was given; going backward, the same for `before`.
        return page.Backward
            ? ByKey([.. views], more, before is not null)
            : ByKey([.. views], after is not null, more);
    }

    private static Connection ByKey(NodeView[] nodes, bool hasPrevious, bool hasNext) =>
        new(nodes, null, null, hasPrevious, hasNext, null);
}

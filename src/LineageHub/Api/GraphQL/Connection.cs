using System.Diagnostics.CodeAnalysis;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// A page of a connection as the value GraphQL resolves over: <c>nodes</c>, <c>edges</c>, <c>pageInfo</c>
/// and <c>totalCount</c>, read by the engine's default resolver. Edges and cursors are made only when a
/// query selects them: most select <c>nodes</c> alone, and a cursor is a base64 string per item.
/// </summary>
internal sealed class Connection : FieldMap
{
    private static readonly string[] Names = ["edges", "nodes", "totalCount", "pageInfo"];

    private readonly NodeView[] _nodes;
    private readonly object?[]? _properties;
    private readonly int[]? _offsets;
    private readonly bool _hasPrevious;
    private readonly bool _hasNext;
    private readonly int? _totalCount;
    private List<object?>? _edges;
    private Dictionary<string, object?>? _pageInfo;

    /// <param name="nodes">The page's nodes, in order.</param>
    /// <param name="properties">Per node, the joining graph edge's raw properties (neighbour lists), or null.</param>
    /// <param name="offsets">
    /// Per node, its offset in the list held in memory (neighbour lists), which its cursor names; null for a
    /// root list read by key, whose cursors name the nodes' keys. Not a cursor function: a closure and a
    /// delegate per page were two objects for each of a hundred parents' pages.
    /// </param>
    /// <param name="hasPrevious">Whether items come before the page.</param>
    /// <param name="hasNext">Whether items come after the page.</param>
    /// <param name="totalCount">The list's length, when known cheaply.</param>
    public Connection(NodeView[] nodes, object?[]? properties, int[]? offsets, bool hasPrevious, bool hasNext, int? totalCount)
    {
        _nodes = nodes;
        _properties = properties;
        _offsets = offsets;
        _hasPrevious = hasPrevious;
        _hasNext = hasNext;
        _totalCount = totalCount;
    }

    /// <summary>The page's nodes.</summary>
    public IReadOnlyList<NodeView> Nodes => _nodes;

    protected override IReadOnlyCollection<string> FieldNames => Names;

    public override bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        switch (key)
        {
            case "nodes":
                value = _nodes;
                return true;
            case "edges":
                value = _edges ??= Edges();
                return true;
            case "totalCount":
                value = _totalCount;
                return true;
            case "pageInfo":
                value = _pageInfo ??= PageInfo();
                return true;
            default:
                value = null;
                return false;
        }
    }

    private List<object?> Edges()
    {
        var edges = new List<object?>(_nodes.Length);
        for (var i = 0; i < _nodes.Length; i++)
        {
            edges.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["cursor"] = CursorOf(i),
                ["node"] = _nodes[i],
                [Connections.PropertiesEntry] = _properties?[i],
            });
        }
        return edges;
    }

    private string CursorOf(int index) =>
        _offsets is null ? PageArguments.KeyCursor(_nodes[index].Key.Key) : PageArguments.OffsetCursor(_offsets[index]);

    private Dictionary<string, object?> PageInfo() => new(StringComparer.Ordinal)
    {
        ["hasPreviousPage"] = _hasPrevious,
        ["hasNextPage"] = _hasNext,
        ["startCursor"] = _nodes.Length > 0 ? CursorOf(0) : null,
        ["endCursor"] = _nodes.Length > 0 ? CursorOf(_nodes.Length - 1) : null,
    };
}

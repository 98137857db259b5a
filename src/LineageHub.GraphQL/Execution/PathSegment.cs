namespace LineageHub.GraphQL.Execution;

/// <summary>A response path as a linked list, so building a child path costs one small allocation.</summary>
internal sealed class PathSegment
{
    // A field's response key, or null for a list item, whose index is kept unboxed: a page of a
    // thousand items builds a thousand paths and rarely reads one.
    private readonly string? _key;
    private readonly int _index;

    public PathSegment(PathSegment? parent, string key)
    {
        Parent = parent;
        _key = key;
    }

    public PathSegment(PathSegment? parent, int index)
    {
        Parent = parent;
        _index = index;
    }

    public PathSegment? Parent { get; }

    public IReadOnlyList<object> ToList()
    {
        var list = new List<object>();
        for (var p = this; p is not null; p = p.Parent)
        {
            list.Add(p._key ?? (object)p._index);
        }
        list.Reverse();
        return list;
    }
}

namespace LineageHub.GraphQL.Execution;

/// <summary>A response path as a linked list, so building a child path costs one small allocation.</summary>
internal sealed class PathSegment(PathSegment? parent, object key)
{
    public PathSegment? Parent { get; } = parent;

    public object Key { get; } = key;

    public IReadOnlyList<object> ToList()
    {
        var list = new List<object>();
        for (var p = this; p is not null; p = p.Parent)
        {
            list.Add(p.Key);
        }
        list.Reverse();
        return list;
    }
}

using LineageHub.Core.Domain;
using LineageHub.Core.Storage;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// Stored nodes as the values GraphQL resolves over (<see cref="NodeView"/>), and the node keys the
/// neighbour resolvers read from them.
/// </summary>
internal static class NodeViews
{
    public const string KeyEntry = "__key";

    /// <summary>The view of a node, or null for kinds this schema has no type for yet (consent).</summary>
    public static NodeView? From(NodeRecord record) => NodeViewCache.ViewOf(record);

    /// <summary>The node key of a view (the parent value of a neighbour resolver).</summary>
    public static NodeKey KeyOf(object? source) => source switch
    {
        NodeView view => view.Key,
        LineageNodeView node => node.Key,
        IReadOnlyDictionary<string, object?> map when map.TryGetValue(KeyEntry, out var key) && key is NodeKey k => k,
        _ => throw new InvalidOperationException("a node field was resolved on a value that is not a node view"),
    };

    /// <summary>A key a view carries for a neighbour it names in its own record (a version's dataset, say).</summary>
    public static NodeKey Named(object? source, string entry) =>
        source is IReadOnlyDictionary<string, object?> view && view.TryGetValue(entry, out var key) && key is NodeKey k
            ? k
            : throw new InvalidOperationException($"a node view has no {entry}");
}

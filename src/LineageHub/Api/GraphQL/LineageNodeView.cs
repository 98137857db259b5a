using System.Diagnostics.CodeAnalysis;
using LineageHub.Core.Domain;
using LineageHub.Core.Lineage;

namespace LineageHub.Api.GraphQL;

/// <summary>A node a lineage walk reached, as the value of a <c>LineageNode</c>: its id is made only when selected.</summary>
internal sealed class LineageNodeView(TraversedNode node) : FieldMap
{
    private static readonly string[] Names = ["id", "kind", "depth", NodeViews.KeyEntry];

    // Boxed once: a walk's nodes share a handful of kinds and depths.
    private static readonly object[] Kinds = [.. Enum.GetValues<NodeKind>().Select(k => (object)k)];
    private static readonly object[] Depths = [.. Enumerable.Range(0, ApiMessages.MaxLineageDepth + 1).Select(d => (object)d)];

    public NodeKey Key => node.Key;

    protected override IReadOnlyCollection<string> FieldNames => Names;

    public override bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        switch (key)
        {
            case "id":
                value = new GlobalId(node.Key);
                return true;
            case "kind":
                value = (int)node.Key.Kind < Kinds.Length ? Kinds[(int)node.Key.Kind] : node.Key.Kind;
                return true;
            case "depth":
                value = (uint)node.Depth < (uint)Depths.Length ? Depths[node.Depth] : node.Depth;
                return true;
            case NodeViews.KeyEntry:
                value = node.Key;
                return true;
            default:
                value = null;
                return false;
        }
    }
}

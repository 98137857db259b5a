using LineageHub.Core.Domain;

namespace LineageHub.Core.Ledger;

/// <summary>What a store already holds, as the <see cref="ChangeSetPlanner"/> asks it.</summary>
public interface IFactLookup
{
    /// <summary>Whether a node is recorded (cheap: asked for every edge end).</summary>
    bool NodeExists(NodeKey key);

    /// <summary>The stored properties of a node, or null when there is no such node.</summary>
    byte[]? NodeProperties(NodeKey key);

    /// <summary>The targets of the stored edges of <paramref name="kind"/> leaving <paramref name="from"/>.</summary>
    IEnumerable<NodeKey> Targets(NodeKey from, EdgeKind kind);

    /// <summary>The stored properties of an edge, or null when there is no such edge.</summary>
    byte[]? EdgeProperties(EdgeKind kind, NodeKey from, NodeKey to);
}

using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage;

/// <summary>A node reached by a traversal, and how many edges from the start it was first reached.</summary>
public readonly record struct TraversedNode(NodeKey Key, int Depth);

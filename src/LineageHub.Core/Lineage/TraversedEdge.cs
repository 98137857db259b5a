using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage;

/// <summary>An edge walked by a traversal, in its stored direction.</summary>
public readonly record struct TraversedEdge(EdgeKind Kind, NodeKey From, NodeKey To);

namespace LineageHub.Core.Lineage;

/// <summary>Which budget stopped a traversal before it reached every node it could.</summary>
public enum TruncationReason
{
    Depth,
    Nodes,
    Time,
}

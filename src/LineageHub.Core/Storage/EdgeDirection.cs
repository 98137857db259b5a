namespace LineageHub.Core.Storage;

/// <summary>Edges leaving a node (it is their source) or arriving at it (it is their target).</summary>
public enum EdgeDirection
{
    Outgoing,
    Incoming,
}

namespace LineageHub.Core.Domain;

/// <summary>A typed node record; its natural key is derived from its own fields.</summary>
public interface INode
{
    NodeKey Key { get; }
}

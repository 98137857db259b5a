namespace LineageHub.Core.Domain;

/// <summary>A model: the named thing whose versions training runs produce.</summary>
public readonly record struct ModelId(string Name)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.Model, Name);

    public override string ToString() => Name;
}

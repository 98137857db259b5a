namespace LineageHub.Core.Domain;

/// <summary>A system data comes from: an internal application or an external vendor.</summary>
public readonly record struct SourceSystemId(string Name)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.SourceSystem, Name);

    public override string ToString() => Name;
}

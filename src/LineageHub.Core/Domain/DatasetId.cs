namespace LineageHub.Core.Domain;

/// <summary>A dataset, named as OpenLineage names it: a namespace (where it lives) and a name.</summary>
public readonly record struct DatasetId(string Namespace, string Name)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.Dataset, Namespace, Name);

    public override string ToString() => $"{Namespace}/{Name}";
}

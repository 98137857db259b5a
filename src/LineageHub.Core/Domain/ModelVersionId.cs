namespace LineageHub.Core.Domain;

/// <summary>One version of a model.</summary>
public readonly record struct ModelVersionId(ModelId Model, string Version)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.ModelVersion, Model.Name, Version);

    public override string ToString() => $"{Model}@{Version}";
}

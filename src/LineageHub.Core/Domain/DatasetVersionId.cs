namespace LineageHub.Core.Domain;

/// <summary>A dataset version: its dataset plus the Merkle root of its content, so the same content is the same version.</summary>
public readonly record struct DatasetVersionId(DatasetId Dataset, LineageHub.Core.Hashing.Digest Root)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.DatasetVersion, Dataset.Namespace, Dataset.Name, Root.ToString());

    public override string ToString() => $"{Dataset}@{Root}";
}

namespace LineageHub.Core.Domain;

/// <summary>A dataset version: its dataset plus the Merkle root of its content, so the same content is the same version.</summary>
public readonly record struct DatasetVersionId(DatasetId Dataset, LineageHub.Core.Hashing.Digest Root)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.DatasetVersion, Dataset.Namespace, Dataset.Name, Root.ToString());

    public override string ToString() => $"{Dataset}@{Root}";

    /// <summary>The id a dataset version's node key names: <c>dataset_version:NAMESPACE|NAME|ROOT</c> with a 64-digit hex root.</summary>
    public static bool TryFromKey(NodeKey key, out DatasetVersionId id)
    {
        id = default;
        if (key.Kind != NodeKind.DatasetVersion)
        {
            return false;
        }
        var parts = key.Parts();
        if (parts.Length != 3 || !LineageHub.Core.Hashing.Digest.TryParse(parts[2], out var root))
        {
            return false;
        }
        id = new DatasetVersionId(new DatasetId(parts[0], parts[1]), root);
        return true;
    }
}

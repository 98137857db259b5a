using LineageHub.Core.Hashing;
using System.Text.Json.Serialization;
using System.Text.Json;

namespace LineageHub.Core.Domain;

/// <summary>One version of a dataset, fingerprinted by the Merkle root of its content. <see cref="LeafCount"/> counts
/// rows in table mode and chunks (files, for a directory) in raw mode; <see cref="Snapshot"/> carries the snapshot's
/// own metadata (its schema and chunk list), so the version can be re-hashed and diffed later; <see cref="Subjects"/>, when
/// the version was registered with subject columns, names its subject set.</summary>
public sealed record DatasetVersion(string Namespace, string Name, Digest Root, SnapshotMode Mode, long LeafCount, long ByteSize, string? Format = null, string? StorageUri = null, Digest? SchemaFingerprint = null, string? Label = null, JsonElement? Snapshot = null, SubjectSetRef? Subjects = null) : INode
{
    [JsonIgnore]
    public DatasetVersionId Id => new(new DatasetId(Namespace, Name), Root);

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}

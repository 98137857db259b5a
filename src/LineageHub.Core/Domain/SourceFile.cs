using System.Text.Json.Serialization;

namespace LineageHub.Core.Domain;

/// <summary>A source file's content at a path, by git blob hash.</summary>
public sealed record SourceFile(string RepositoryIdentity, string Path, string BlobHash) : INode
{
    [JsonIgnore]
    public SourceFileId Id => new(new RepositoryId(RepositoryIdentity), Path, BlobHash);

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}

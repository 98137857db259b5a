namespace LineageHub.Core.Domain;

/// <summary>A consent fact, identified by the digest of its canonical content: the same record imported twice is one fact.</summary>
public readonly record struct ConsentId(LineageHub.Core.Hashing.Digest ContentDigest)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.Consent, ContentDigest.ToString());

    public override string ToString() => ContentDigest.ToString();
}

using LineageHub.Core.Hashing;

namespace LineageHub.Core.Domain;

/// <summary>A consent batch, identified by the Merkle root over its canonical records.</summary>
public readonly record struct ConsentBatchId(Digest Root)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.ConsentBatch, Root.ToString());

    public override string ToString() => Root.ToString();
}

using LineageHub.Core.Domain;

namespace LineageHub.Core.Storage;

/// <summary>A stored node: its key, canonical properties and the ledger entry that created it.</summary>
public sealed record NodeRecord(NodeKey Key, byte[] Properties, long Seq)
{
    /// <summary>The typed record of the node's kind.</summary>
    public INode ToNode() => NodeCodec.Decode(Key.Kind, Properties);

    public T As<T>()
        where T : INode => NodeCodec.Decode<T>(Properties);
}

using LineageHub.Core.Domain;

namespace LineageHub.Core.Storage;

/// <summary>A stored edge and the ledger entry that created it.</summary>
public sealed record EdgeRecord(EdgeKind Kind, NodeKey From, NodeKey To, byte[] Properties, long Seq);

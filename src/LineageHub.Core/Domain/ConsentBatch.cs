using System.Text.Json.Serialization;
using LineageHub.Core.Hashing;

namespace LineageHub.Core.Domain;

/// <summary>
/// One import of consent records from a source system: one ledger fact committing to the Merkle root over
/// the batch's canonical records, which the store keeps beside the ledger (schema/consent.md, "Consent
/// batches"). Importing the same export again is the same fact, so it changes nothing.
/// </summary>
public sealed record ConsentBatch(Digest Root, long Records, string SourceSystem, IReadOnlyList<string> Purposes) : INode
{
    [JsonIgnore]
    public ConsentBatchId Id => new(Root);

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}

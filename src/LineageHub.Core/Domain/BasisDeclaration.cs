using System.Text.Json.Serialization;
using LineageHub.Core.Hashing;

namespace LineageHub.Core.Domain;

/// <summary>
/// A lawful basis other than per-subject records that covers all data of a source system or dataset for
/// one purpose — a vendor's data-processing agreement, a contract — with the digest of its evidence
/// document and the period it is valid in. <see cref="Target"/> is the covered node's id.
/// </summary>
public sealed record BasisDeclaration(string Target, string Purpose, LawfulBasis Basis, Digest EvidenceDigest, DateTimeOffset ValidFrom, DateTimeOffset? ValidUntil = null, string? Description = null) : INode
{
    [JsonIgnore]
    public NodeKey Key => NodeKey.Of(NodeKind.BasisDeclaration, Target, Purpose, EvidenceDigest.ToString());

    /// <summary>Whether the declaration is in force at <paramref name="time"/>: from its start, until (not at) its end.</summary>
    public bool CoversAt(DateTimeOffset time) => ValidFrom <= time && (ValidUntil is null || time < ValidUntil);
}

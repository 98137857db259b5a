using System.Text.Json.Serialization;
using LineageHub.Core.Hashing;

namespace LineageHub.Core.Domain;

/// <summary>
/// A consent (or other lawful basis) fact for one subject and purpose, as a source system recorded it.
/// Withdrawals and renewals are new facts; the fact's id is the digest of its canonical content.
/// </summary>
public sealed record Consent(
    string SubjectPseudonym,
    string Purpose,
    LawfulBasis Basis,
    DateTimeOffset GrantedAt,
    string SourceSystem,
    DateTimeOffset? ExpiresAt = null,
    DateTimeOffset? WithdrawnAt = null,
    Digest? EvidenceDigest = null) : INode
{
    [JsonIgnore]
    public ConsentId Id => new(Digest.Of(NodeCodec.Encode(this)));

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}

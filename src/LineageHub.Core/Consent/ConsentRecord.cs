using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Subjects;

namespace LineageHub.Core.Consent;

/// <summary>
/// One record of a consent-management export, with the subject already pseudonymised: a grant for a
/// purpose on a lawful basis, and when it expires or was withdrawn. A withdrawal or renewal arrives as
/// another record, never as an edit; times are kept to the microsecond (schema/consent.md).
/// </summary>
public sealed record ConsentRecord(
    SubjectPseudonym Subject,
    string Purpose,
    LawfulBasis Basis,
    DateTimeOffset GrantedAt,
    DateTimeOffset? ExpiresAt = null,
    DateTimeOffset? WithdrawnAt = null,
    Digest? EvidenceDigest = null);

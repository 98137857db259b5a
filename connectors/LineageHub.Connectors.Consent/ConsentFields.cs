namespace LineageHub.Connectors.Consent;

/// <summary>The fields of a consent export; each is read from the column of the same name unless mapped with <c>--map FIELD=COLUMN</c>.</summary>
public static class ConsentFields
{
    public const string Subject = "subject_id";
    public const string Purpose = "purpose";
    public const string Basis = "lawful_basis";
    public const string GrantedAt = "granted_at";
    public const string ExpiresAt = "expires_at";
    public const string WithdrawnAt = "withdrawn_at";
    public const string EvidenceDigest = "evidence_digest";
    public const string EvidencePath = "evidence_path";

    public static IReadOnlyList<string> All { get; } = [Subject, Purpose, Basis, GrantedAt, ExpiresAt, WithdrawnAt, EvidenceDigest, EvidencePath];

    /// <summary>Fields an export must have; the others may be absent (basis then defaults to consent).</summary>
    public static IReadOnlyList<string> Required { get; } = [Subject, Purpose, GrantedAt];
}

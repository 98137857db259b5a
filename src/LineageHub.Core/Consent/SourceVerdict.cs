namespace LineageHub.Core.Consent;

/// <summary>
/// The finding for one source dataset version: which basis applied (<c>consent records</c>, or the
/// declaration that covers the whole source), how many subjects it holds, and the violations by reason.
/// </summary>
public sealed record SourceVerdict(
    string DatasetVersion,
    string? Source,
    string Basis,
    string? Declaration,
    string? SubjectSetRoot,
    long Subjects,
    long Covered,
    long None,
    long Expired,
    long Withdrawn,
    long WrongPurpose);

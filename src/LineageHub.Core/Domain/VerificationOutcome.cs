namespace LineageHub.Core.Domain;

/// <summary>The result of re-checking registered data against its fingerprint.</summary>
public enum VerificationOutcome
{
    Ok,
    Tampered,
    Missing,
    Unreadable,
}

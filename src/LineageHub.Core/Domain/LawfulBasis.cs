namespace LineageHub.Core.Domain;

/// <summary>The lawful bases for processing personal data (GDPR Art. 6(1)).</summary>
public enum LawfulBasis
{
    Consent,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicTask,
    LegitimateInterests,
}

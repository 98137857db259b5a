namespace LineageHub.Core.Consent;

/// <summary>Why a subject's data had no valid basis for the purpose when the training run read it.</summary>
public enum ViolationReason
{
    /// <summary>No record grants the purpose before that time (the subject has no records, or only later ones).</summary>
    None,

    /// <summary>A grant for the purpose had expired.</summary>
    Expired,

    /// <summary>A grant for the purpose had been withdrawn.</summary>
    Withdrawn,

    /// <summary>The subject's records grant other purposes only.</summary>
    WrongPurpose,
}

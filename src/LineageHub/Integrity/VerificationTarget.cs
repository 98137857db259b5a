namespace LineageHub.Integrity;

/// <summary>What a verification checked, as a Verification fact's <c>target</c> names it: a dataset version's id, or the ledger.</summary>
public static class VerificationTarget
{
    public const string Ledger = "ledger";
}

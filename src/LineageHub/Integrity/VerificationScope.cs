namespace LineageHub.Integrity;

/// <summary>The kinds of <see cref="VerificationRequest"/>.</summary>
public enum VerificationScope
{
    Version,
    Dataset,
    Namespace,
    Datasets,
    Ledger,
    All,
}

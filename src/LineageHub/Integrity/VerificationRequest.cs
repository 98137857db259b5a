namespace LineageHub.Integrity;

/// <summary>What to verify once: one dataset version, every version of one dataset, the versions of one namespace, the ledger, or everything.</summary>
public sealed record VerificationRequest(VerificationScope Scope, string? Value = null, string? Name = null)
{
    public static VerificationRequest Version(string id) => new(VerificationScope.Version, id);

    public static VerificationRequest Dataset(string ns, string name) => new(VerificationScope.Dataset, ns, name);

    public static VerificationRequest Namespace(string ns) => new(VerificationScope.Namespace, ns);

    public static VerificationRequest Ledger { get; } = new(VerificationScope.Ledger);

    /// <summary>Every dataset version whose namespace has no schedule of its own (the default dataset job).</summary>
    public static VerificationRequest Datasets(IReadOnlyCollection<string> except) => new(VerificationScope.Datasets) { Except = except };

    public static VerificationRequest All { get; } = new(VerificationScope.All);

    public IReadOnlyCollection<string> Except { get; init; } = [];

    public override string ToString() => Scope switch
    {
        VerificationScope.Version => $"dataset version {Value}",
        VerificationScope.Dataset => $"dataset {Value}/{Name}",
        VerificationScope.Namespace => $"namespace {Value}",
        VerificationScope.Ledger => "the ledger",
        VerificationScope.Datasets => "dataset versions",
        _ => "everything",
    };
}

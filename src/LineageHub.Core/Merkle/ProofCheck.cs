namespace LineageHub.Core.Merkle;

/// <summary>The outcome of checking a proof: valid, or the reason it was rejected.</summary>
public readonly record struct ProofCheck(bool IsValid, string? Failure)
{
    public static ProofCheck Valid { get; } = new(true, null);

    public static ProofCheck Invalid(string reason) => new(false, reason);

    public override string ToString() => IsValid ? "valid" : $"invalid: {Failure}";
}

using System.Text.Json.Serialization;

namespace LineageHub.Core.Domain;

/// <summary>The result of one integrity check of a dataset version (or the ledger).</summary>
public sealed record Verification(Guid VerificationId, string Target, VerificationOutcome Outcome, DateTimeOffset CheckedAt, string? Evidence = null) : INode
{
    [JsonIgnore]
    public VerificationId Id => new(VerificationId);

    [JsonIgnore]
    public NodeKey Key => Id.Key;
}

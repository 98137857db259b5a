using LineageHub.Core.Ledger;

namespace LineageHub.Api.Contracts;

/// <summary>A consistency proof between two tree sizes, hashes in hex.</summary>
public sealed record ConsistencyProofJson(long FromSize, long ToSize, string FromRoot, string ToRoot, IReadOnlyList<string> Path)
{
    public static ConsistencyProofJson From(ConsistencyProof proof) => new(
        proof.FromSize, proof.ToSize, proof.FromRoot.ToString(), proof.ToRoot.ToString(), [.. proof.Path.Select(p => p.ToString())]);
}

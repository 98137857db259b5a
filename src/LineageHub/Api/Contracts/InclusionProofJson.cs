using LineageHub.Core.Ledger;

namespace LineageHub.Api.Contracts;

/// <summary>
/// An inclusion proof with the entry's own bytes (base64), so a verifier recomputes the leaf hash
/// SHA-256(0x00 ‖ entry) and the root from the path without trusting the server.
/// </summary>
public sealed record InclusionProofJson(long Seq, long TreeSize, string LeafHash, string Root, IReadOnlyList<string> Path, string Entry)
{
    public static InclusionProofJson From(InclusionProof proof, LedgerEntry entry) => new(
        proof.Seq, proof.TreeSize, proof.LeafHash.ToString(), proof.Root.ToString(),
        [.. proof.Path.Select(p => p.ToString())], Convert.ToBase64String(entry.Bytes));
}

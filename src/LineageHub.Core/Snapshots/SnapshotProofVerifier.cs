using System.Buffers.Binary;
using LineageHub.Core.Merkle;

namespace LineageHub.Core.Snapshots;

/// <summary>Checks row and chunk proofs offline, from the proof alone and optionally a trusted root.</summary>
public static class SnapshotProofVerifier
{
    /// <summary>Verifies a row proof; with <paramref name="trustedRoot"/> the proof must also be against that root.</summary>
    public static ProofCheck Verify(RowProof proof, string? trustedRoot = null)
    {
        if (proof.Format != SnapshotFormat.RowProofFormat)
        {
            return ProofCheck.Invalid(SnapshotMessages.ProofFormat);
        }
        if (!TryHex(proof.Root, out var root) || !TryHex(proof.Salt, out var salt)
            || !TryPath(proof.SchemaPath, out var schemaPath) || !TryPath(proof.RowPath, out var rowPath) || !TryPath(proof.ChunkPath, out var chunkPath))
        {
            return ProofCheck.Invalid(SnapshotMessages.ProofHex);
        }
        if (trustedRoot is not null && !string.Equals(trustedRoot, proof.Root, StringComparison.OrdinalIgnoreCase))
        {
            return ProofCheck.Invalid(SnapshotMessages.RootDiffers);
        }
        byte[] schemaBytes;
        try
        {
            schemaBytes = Convert.FromHexString(proof.Schema);
        }
        catch (FormatException)
        {
            return ProofCheck.Invalid(SnapshotMessages.ProofSchema);
        }
        if (TableSchema.Decode(schemaBytes) is not { } schema)
        {
            return ProofCheck.Invalid(SnapshotMessages.ProofSchema);
        }
        if (!schema.Columns.SequenceEqual(proof.Columns.Select(c => c.Name)))
        {
            return ProofCheck.Invalid(SnapshotMessages.ProofColumns);
        }
        if (proof.ChunkCount < 1 || proof.Chunk < 0 || proof.Chunk >= proof.ChunkCount || proof.ChunkRows < 1)
        {
            return ProofCheck.Invalid(MerkleMessages.LeafIndexOutOfRange);
        }
        var treeSize = (ulong)proof.ChunkCount + 1;
        var schemaCheck = MerkleProofVerifier.VerifyInclusion(0, treeSize, MerkleHash.Leaf(schemaBytes), schemaPath, root);
        if (!schemaCheck.IsValid)
        {
            return ProofCheck.Invalid($"{SnapshotMessages.SchemaNotInRoot}: {schemaCheck.Failure}");
        }
        var values = new List<CanonicalValue>();
        foreach (var column in proof.Columns)
        {
            if (column.Type.Length != 1 || !Enum.IsDefined((ValueTag)column.Type[0]) || ((ValueTag)column.Type[0] == ValueTag.Null) != (column.Value is null))
            {
                return ProofCheck.Invalid(SnapshotMessages.ProofValue);
            }
            values.Add(new CanonicalValue((ValueTag)column.Type[0], column.Value ?? ""));
        }
        var row = RowCodec.Encode(values);
        var leaf = MerkleHash.Leaf([.. salt, .. row]);
        if (proof.RowInChunk < 0 || proof.RowInChunk >= proof.ChunkRows)
        {
            return ProofCheck.Invalid(MerkleMessages.LeafIndexOutOfRange);
        }
        // The chunk's root is not given, only reached: fold the row's path up to it.
        var chunkRoot = MerkleProofVerifier.RootFromInclusionProof((ulong)proof.RowInChunk, (ulong)proof.ChunkRows, leaf, rowPath, out var failure);
        if (chunkRoot is null)
        {
            return ProofCheck.Invalid($"{SnapshotMessages.RowNotInRoot}: {failure}");
        }
        var chunkLeafData = new byte[8 + MerkleHash.Size];
        BinaryPrimitives.WriteUInt64BigEndian(chunkLeafData, (ulong)proof.ChunkRows);
        chunkRoot.CopyTo(chunkLeafData, 8);
        var check = MerkleProofVerifier.VerifyInclusion((ulong)proof.Chunk + 1, treeSize, MerkleHash.Leaf(chunkLeafData), chunkPath, root);
        return check.IsValid ? check : ProofCheck.Invalid($"{SnapshotMessages.RowNotInRoot}: {check.Failure}");
    }

    /// <summary>Verifies a raw chunk proof against its root (and <paramref name="trustedRoot"/> when given).</summary>
    public static ProofCheck Verify(ChunkProof proof, string? trustedRoot = null)
    {
        if (proof.Format != SnapshotFormat.ChunkProofFormat)
        {
            return ProofCheck.Invalid(SnapshotMessages.ProofFormat);
        }
        if (!TryHex(proof.Root, out var root) || !TryHex(proof.LeafHash, out var leaf) || !TryPath(proof.Path, out var path))
        {
            return ProofCheck.Invalid(SnapshotMessages.ProofHex);
        }
        if (trustedRoot is not null && !string.Equals(trustedRoot, proof.Root, StringComparison.OrdinalIgnoreCase))
        {
            return ProofCheck.Invalid(SnapshotMessages.RootDiffers);
        }
        if (proof.Chunk < 0 || proof.ChunkCount < 1)
        {
            return ProofCheck.Invalid(MerkleMessages.LeafIndexOutOfRange);
        }
        var check = MerkleProofVerifier.VerifyInclusion((ulong)proof.Chunk, (ulong)proof.ChunkCount, leaf, path, root);
        return check.IsValid ? check : ProofCheck.Invalid($"{SnapshotMessages.ChunkNotInRoot}: {check.Failure}");
    }

    private static bool TryHex(string? text, out byte[] bytes)
    {
        bytes = [];
        if (text is null || text.Length != 2 * MerkleHash.Size || !text.All(char.IsAsciiHexDigit))
        {
            return false;
        }
        bytes = Convert.FromHexString(text);
        return true;
    }

    private static bool TryPath(IReadOnlyList<string>? hexes, out IReadOnlyList<byte[]> path)
    {
        var list = new List<byte[]>();
        path = list;
        if (hexes is null || hexes.Count > 64)
        {
            return false;
        }
        foreach (var hex in hexes)
        {
            if (!TryHex(hex, out var bytes))
            {
                return false;
            }
            list.Add(bytes);
        }
        return true;
    }
}

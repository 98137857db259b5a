using System.Text.Json;
using LineageHub.Core.Merkle;
using LineageHub.Testing;

namespace LineageHub.Core.Tests.Merkle;

/// <summary>Every RFC 9162 proof vector of transparency-dev/merkle, good and tampered, from the shared corpus.</summary>
public sealed class MerkleVectorTests
{
    private const string Folder = "merkle-proofs/testdata";

    public static TheoryData<string> Vectors(string kind)
    {
        var data = new TheoryData<string>();
        var root = Corpus.Folder(Path.Combine(Folder, kind));
        if (root is null)
        {
            data.Add("(corpus missing)");
            return data;
        }
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(root, file));
        }
        return data;
    }

    [CorpusTheory(Folder)]
    [MemberData(nameof(Vectors), "inclusion")]
    public void Inclusion_VerdictMatchesVector(string file)
    {
        using var vector = Load("inclusion", file);
        var v = vector.RootElement;
        var check = MerkleProofVerifier.VerifyInclusion(
            v.GetProperty("leafIdx").GetUInt64(), v.GetProperty("treeSize").GetUInt64(),
            Bytes(v, "leafHash"), Hashes(v), Bytes(v, "root"));
        Assert.True(check.IsValid != v.GetProperty("wantErr").GetBoolean(), $"{file}: {check}");
    }

    [CorpusTheory(Folder)]
    [MemberData(nameof(Vectors), "consistency")]
    public void Consistency_VerdictMatchesVector(string file)
    {
        using var vector = Load("consistency", file);
        var v = vector.RootElement;
        var check = MerkleProofVerifier.VerifyConsistency(
            v.GetProperty("size1").GetUInt64(), v.GetProperty("size2").GetUInt64(),
            Hashes(v), Bytes(v, "root1"), Bytes(v, "root2"));
        Assert.True(check.IsValid != v.GetProperty("wantErr").GetBoolean(), $"{file}: {check}");
    }

    [CorpusTheory(Folder)]
    [MemberData(nameof(Vectors), "subtreeinclusion")]
    public void SubtreeInclusion_VerdictMatchesVector(string file)
    {
        using var vector = Load("subtreeinclusion", file);
        var v = vector.RootElement;
        var check = MerkleProofVerifier.VerifySubtreeInclusion(
            v.GetProperty("leafIdx").GetUInt64(), v.GetProperty("start").GetUInt64(), v.GetProperty("end").GetUInt64(),
            Bytes(v, "leafHash"), Hashes(v), Bytes(v, "root"));
        Assert.True(check.IsValid != v.GetProperty("wantErr").GetBoolean(), $"{file}: {check}");
    }

    [CorpusTheory(Folder)]
    [MemberData(nameof(Vectors), "subtreeconsistency")]
    public void SubtreeConsistency_VerdictMatchesVector(string file)
    {
        using var vector = Load("subtreeconsistency", file);
        var v = vector.RootElement;
        var check = MerkleProofVerifier.VerifySubtreeConsistency(
            v.GetProperty("start").GetUInt64(), v.GetProperty("end").GetUInt64(), v.GetProperty("size").GetUInt64(),
            Hashes(v), Bytes(v, "root1"), Bytes(v, "root2"));
        Assert.True(check.IsValid != v.GetProperty("wantErr").GetBoolean(), $"{file}: {check}");
    }

    private static JsonDocument Load(string kind, string file) =>
        JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Corpus.Folder(Path.Combine(Folder, kind))!, file)));

    private static byte[] Bytes(JsonElement v, string name) =>
        v.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String ? Convert.FromBase64String(e.GetString()!) : [];

    private static byte[][] Hashes(JsonElement v) =>
        v.TryGetProperty("proof", out var e) && e.ValueKind == JsonValueKind.Array
            ? [.. e.EnumerateArray().Select(h => Convert.FromBase64String(h.GetString()!))]
            : [];
}

using System.Text.Json;
using LineageHub.Connectors.Datasets.Raw;
using LineageHub.Connectors.Datasets.Tests.Support;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tests.Format;

/// <summary>
/// schema/snapshot.md checked by someone else's arithmetic: Scripts/snapshot-check.sh recomputes roots and
/// checks proofs with bash, sha256sum, openssl and xxd only, following the page, never our code.
/// </summary>
public sealed class IndependentRecomputationTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1 << 20)]
    [InlineData((3 << 20) + 12345)]
    public void RawRoot_OfAFile_IsWhatTheScriptComputes(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var path = _dir.File("data.bin", bytes);

        var ours = RawFileHasher.Hash(path, 2).Root.ToString();

        Assert.Equal(ours, Script("raw", path));
    }

    [Fact]
    public void RawRoot_OfAFolder_IsWhatTheScriptComputes()
    {
        var root = Path.Combine(_dir.Path, "lake");
        var random = new Random(9162);
        foreach (var name in new[] { "part=2/b.parquet", "part=10/a.parquet", "_delta_log/0000.json", "z", "part=2/a b.csv" })
        {
            var bytes = new byte[random.Next(0, 3 << 19)];
            random.NextBytes(bytes);
            _dir.File(Path.Combine("lake", name), bytes);
        }

        var ours = RawDirectoryHasher.Hash(root, 2).Root.ToString();

        Assert.Equal(ours, Script("raw-dir", root));
    }

    [Theory]
    [InlineData("id", 0L)]
    [InlineData("id", 6_543L)]
    [InlineData(null, 9_999L)]
    public void RowProof_IsAcceptedByTheScript_WithTheSaltItDocuments(string? key, long row)
    {
        var csv = _dir.File("t.csv", Snap.Csv(1, 10_000, i => i % 9 == 0 ? $"{i},,\"\"" : $"{i},name {i},{i * 1.5:0.0#}"));
        var snapshot = Datasets.Tables.TableSnapshotter.Snapshot(Snap.Request(csv, key) with { ProveRow = row });
        var proof = Write(snapshot.Proof!);

        Assert.True(snapshot.Chunks.Count > 1);
        Assert.Equal(snapshot.Root.ToString(), Script("row-proof", proof, Snap.Key.ToHex()));
    }

    [Fact]
    public void TamperedRowProof_IsRejectedByTheScript()
    {
        var csv = _dir.File("t.csv", Snap.Csv(1, 2_000));
        var proof = Datasets.Tables.TableSnapshotter.Snapshot(Snap.Request(csv, "id") with { ProveRow = 1_000 }).Proof!;
        var tampered = Write(proof with { Columns = [.. proof.Columns.Select(c => c.Name == "name" ? c with { Value = "name 1002" } : c)] });

        var (exit, output, error) = Processes.Run("bash", _dir.Path, [ScriptPath, "row-proof", tampered]);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("does not lead to the root", error, StringComparison.Ordinal);
    }

    private static string ScriptPath => Path.Combine(SourceTree.ProjectFolder, "Scripts", "snapshot-check.sh");

    private string Write(RowProof proof)
    {
        // As 'lineagehub proof row' prints it: camelCase, one member per line.
        var path = Path.Combine(_dir.Path, $"proof-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(proof, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        return path;
    }

    private string Script(string mode, string path, string? saltKey = null)
    {
        var environment = saltKey is null ? null : new Dictionary<string, string> { ["SALT_KEY_HEX"] = saltKey };
        var (exit, output, error) = Processes.Run("bash", _dir.Path, [ScriptPath, mode, path], environment);
        Assert.True(exit == 0, $"snapshot-check.sh {mode} failed ({exit}): {error}");
        return output.Trim();
    }

    public void Dispose() => _dir.Dispose();
}

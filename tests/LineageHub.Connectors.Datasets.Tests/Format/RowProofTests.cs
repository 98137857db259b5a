using LineageHub.Connectors.Datasets.Tests.Support;
using LineageHub.Core.Snapshots;

namespace LineageHub.Connectors.Datasets.Tests.Format;

public sealed class RowProofTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();
    private readonly string _csv;

    public RowProofTests() => _csv = _dir.File("t.csv", Snap.Csv(1, 20_000));

    [Theory]
    [InlineData(0L)]
    [InlineData(7_777L)]
    [InlineData(19_999L)]
    public void ProofOfARow_VerifiesAgainstTheSnapshotRoot(long row)
    {
        var snapshot = Prove(row: row);

        Assert.True(snapshot.Chunks.Count > 2);
        Assert.Equal(snapshot.Root.ToString(), snapshot.Proof!.Root);
        Assert.True(SnapshotProofVerifier.Verify(snapshot.Proof, snapshot.Root.ToString()).IsValid);
        Assert.Equal((row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), snapshot.Proof.Columns.Single(c => c.Name == "id").Value);
    }

    [Fact]
    public void ProofByKey_ProvesThatKeysRow()
    {
        var snapshot = Prove(key: "12345");

        Assert.Equal("name 12345", snapshot.Proof!.Columns.Single(c => c.Name == "name").Value);
        Assert.True(SnapshotProofVerifier.Verify(snapshot.Proof).IsValid);
    }

    public static TheoryData<string> Tamperings() => ["value", "type", "salt", "rowPath", "chunkPath", "schemaPath", "chunk", "rowInChunk", "chunkRows", "column", "schema", "root"];

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void TamperedProof_IsRejected(string what)
    {
        var proof = Prove(key: "4321").Proof!;
        var trusted = proof.Root;
        var tampered = what switch
        {
            "value" => proof with { Columns = [.. proof.Columns.Select(c => c.Name == "name" ? c with { Value = "name 4322" } : c)] },
            "type" => proof with { Columns = [.. proof.Columns.Select(c => c.Name == "id" ? c with { Type = "S" } : c)] },
            "salt" => proof with { Salt = Flip(proof.Salt) },
            "rowPath" => proof with { RowPath = [Flip(proof.RowPath[0]), .. proof.RowPath.Skip(1)] },
            "chunkPath" => proof with { ChunkPath = [.. proof.ChunkPath.Take(proof.ChunkPath.Count - 1), Flip(proof.ChunkPath[^1])] },
            "schemaPath" => proof with { SchemaPath = [Flip(proof.SchemaPath[0]), .. proof.SchemaPath.Skip(1)] },
            "chunk" => proof with { Chunk = proof.Chunk == 0 ? 1 : proof.Chunk - 1 },
            "rowInChunk" => proof with { RowInChunk = proof.RowInChunk + 1 },
            "chunkRows" => proof with { ChunkRows = proof.ChunkRows + 1 },
            "column" => proof with { Columns = [.. proof.Columns.Select(c => c.Name == "name" ? c with { Name = "nam" } : c)] },
            "schema" => proof with { Schema = proof.Schema[..^2] + "78" },
            _ => proof with { Root = Flip(proof.Root) },
        };

        Assert.True(SnapshotProofVerifier.Verify(proof, trusted).IsValid);
        var check = SnapshotProofVerifier.Verify(tampered, trusted);
        Assert.False(check.IsValid, $"a proof with a tampered {what} was accepted");
    }

    [Fact]
    public void ProofAgainstAnotherRoot_IsRejected()
    {
        var proof = Prove(row: 5).Proof!;

        var check = SnapshotProofVerifier.Verify(proof, Flip(proof.Root));

        Assert.Equal(SnapshotMessages.RootDiffers, check.Failure);
    }

    [Fact]
    public void Proof_DisclosesNoOtherRowsSalt()
    {
        var a = Prove(row: 100).Proof!;
        var b = Prove(row: 101).Proof!;

        Assert.NotEqual(a.Salt, b.Salt);
        Assert.DoesNotContain(b.Salt, a.RowPath);
    }

    private TableSnapshot Prove(long? row = null, string? key = null) =>
        Datasets.Tables.TableSnapshotter.Snapshot(Snap.Request(_csv, "id") with { ProveRow = row, ProveKey = key });

    private static string Flip(string hex) => (hex[0] == '0' ? "1" : "0") + hex[1..];

    public void Dispose() => _dir.Dispose();
}

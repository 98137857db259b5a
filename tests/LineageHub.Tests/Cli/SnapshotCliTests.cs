using System.Text;
using System.Text.Json;

namespace LineageHub.Tests.Cli;

/// <summary>lineagehub snapshot, snapshot diff and proof, run as a user runs them.</summary>
public sealed class SnapshotCliTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    private string Data => Path.Combine(_dir.Path, "store");

    [Fact]
    public async Task Snapshot_OfACsv_PrintsRootRowsChunksAndSchema()
    {
        var csv = Write("t.csv", Rows(1, 5000));

        var (exit, output, error) = await LineageHubProcess.RunAsync("snapshot", csv, "--key", "id", "--json", "--data", Data);

        Assert.True(exit == 0, error);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Matches("^[0-9a-f]{64}$", json.GetProperty("root").GetString());
        Assert.Equal("table", json.GetProperty("mode").GetString());
        Assert.Equal(5000, json.GetProperty("rows").GetInt64());
        Assert.True(json.GetProperty("chunks").GetInt64() >= 1);
        Assert.Equal(new FileInfo(csv).Length, json.GetProperty("bytes").GetInt64());
        Assert.Equal(["amount", "id", "name"], json.GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.True(File.Exists(Path.Combine(Data, "snapshot-salt.key")), "the salt key is created in the data folder on first use");
    }

    [Fact]
    public async Task RegisteredVersions_DiffFromStoredChunksAlone()
    {
        var before = Write("v1.csv", Rows(1, 40_000));
        var after = Write("v2.csv", Rows(1, 40_000).Replace("20000,name 20000,30000\n", "20000,name 20000,30000\n20000.5,inserted,1\n", StringComparison.Ordinal));

        var v1 = await RegisterAsync(before, "v1");
        var again = await LineageHubProcess.RunAsync("snapshot", before, "--key", "id", "--register", "--dataset", "file://lake/sales", "--label", "v1", "--json", "--data", Data);
        var v2 = await RegisterAsync(after, "v2");
        File.Delete(before);
        File.Delete(after);
        var (exit, output, error) = await LineageHubProcess.RunAsync("snapshot", "diff", $"file://lake/sales@{v1}", $"file://lake/sales@{v2}", "--json", "--data", Data);

        Assert.False(JsonDocument.Parse(again.Out).RootElement.GetProperty("registered").GetProperty("changed").GetBoolean());
        Assert.True(exit == 0, error);
        var diff = JsonDocument.Parse(output).RootElement;
        Assert.Equal("versions", diff.GetProperty("compared").GetString());
        Assert.False(diff.GetProperty("identical").GetBoolean());
        Assert.InRange(diff.GetProperty("chunksTouched").GetInt32(), 1, 4);
        Assert.Equal(1, diff.GetProperty("rowsAdded").GetInt64() - diff.GetProperty("rowsRemoved").GetInt64());
        var range = diff.GetProperty("ranges")[0];
        Assert.True(decimal.Parse(range.GetProperty("firstKey").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= 20000m);
    }

    [Fact]
    public async Task Diff_OfTwoFiles_ListsTheRowsExactly()
    {
        var before = Write("a.csv", Rows(1, 3000));
        var after = Write("b.csv", Rows(1, 3000).Replace("1500,name 1500,2250\n", "1500,changed,2250\n", StringComparison.Ordinal));

        var (exit, output, error) = await LineageHubProcess.RunAsync("snapshot", "diff", before, after, "--key", "id", "--json", "--data", Data);

        Assert.True(exit == 0, error);
        var diff = JsonDocument.Parse(output).RootElement;
        Assert.Equal((0, 0, 1), (diff.GetProperty("added").GetInt64(), diff.GetProperty("removed").GetInt64(), diff.GetProperty("changed").GetInt64()));
        Assert.Equal("changed", diff.GetProperty("changedSample")[0].GetProperty("after").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ProofRow_VerifiesOffline_AndATamperedOneExitsOne()
    {
        var csv = Write("t.csv", Rows(1, 10_000));
        var snapshot = JsonDocument.Parse((await LineageHubProcess.RunAsync("snapshot", csv, "--key", "id", "--json", "--data", Data)).Out).RootElement;
        var root = snapshot.GetProperty("root").GetString()!;

        var (exit, output, error) = await LineageHubProcess.RunAsync("proof", "row", csv, "--key-column", "id", "--key", "7777", "--data", Data);
        Assert.True(exit == 0, error);
        var proof = Write("proof.json", output);
        var good = await LineageHubProcess.RunAsync("proof", "verify", proof, "--root", root);
        var elsewhere = await LineageHubProcess.RunAsync("proof", "verify", proof, "--root", new string('0', 64));
        var tampered = Write("tampered.json", output.Replace("\"name 7777\"", "\"name 7778\"", StringComparison.Ordinal));
        var bad = await LineageHubProcess.RunAsync("proof", "verify", tampered, "--root", root);

        Assert.Equal(0, good.ExitCode);
        Assert.StartsWith("valid: row 7776", good.Out, StringComparison.Ordinal);
        Assert.Equal(1, elsewhere.ExitCode);
        Assert.Equal(1, bad.ExitCode);
        Assert.StartsWith("INVALID: ", bad.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RawSnapshotAndChunkProof_AgreeWithSha256OfTheChunk()
    {
        var bytes = new byte[(2 << 20) + 100];
        new Random(5).NextBytes(bytes);
        var file = Path.Combine(_dir.Path, "blob.bin");
        await File.WriteAllBytesAsync(file, bytes);

        var snapshot = JsonDocument.Parse((await LineageHubProcess.RunAsync("snapshot", file, "--json")).Out).RootElement;
        var (exit, output, _) = await LineageHubProcess.RunAsync("proof", "chunk", file, "--chunk", "2");
        var proof = JsonDocument.Parse(output).RootElement;
        var verify = await LineageHubProcess.RunAsync("proof", "verify", Write("chunk.json", output), "--root", snapshot.GetProperty("root").GetString()!);

        Assert.Equal(0, exit);
        Assert.Equal(("raw", 3L), (snapshot.GetProperty("mode").GetString(), snapshot.GetProperty("leaves").GetInt64()));
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([0x00, .. bytes.AsSpan(2 << 20)]));
        Assert.Equal(expected, proof.GetProperty("leafHash").GetString());
        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public async Task BadInput_ExitsTwoNamingTheLine_AndAMissingFileExitsThree()
    {
        var csv = Write("bad.csv", "a,b\n1,2\n3\n");

        var bad = await LineageHubProcess.RunAsync("snapshot", csv, "--data", Data);
        var missing = await LineageHubProcess.RunAsync("snapshot", Path.Combine(_dir.Path, "none.csv"), "--data", Data);
        var duplicate = await LineageHubProcess.RunAsync("snapshot", Write("dup.csv", "id\n1\n1\n"), "--key", "id", "--data", Data);

        Assert.Equal(2, bad.ExitCode);
        Assert.Equal($"error: {csv}:3: the row has 1 fields, the header has 2\n", bad.Error);
        Assert.Equal("", bad.Out);
        Assert.Equal(3, missing.ExitCode);
        Assert.Equal(2, duplicate.ExitCode);
        Assert.Contains("--allow-duplicate-keys", duplicate.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_AndDiff_ThroughARunningServer()
    {
        var (server, url) = await LineageHubProcess.StartServerAsync(Path.Combine(_dir.Path, "server-store"));
        try
        {
            var before = Write("v1.csv", Rows(1, 2000));
            var after = Write("v2.csv", Rows(1, 2001));
            var keyFile = Path.Combine(_dir.Path, "salt.key");
            await File.WriteAllTextAsync(keyFile, new string('a', 64));
            string Register(string path) => JsonDocument.Parse(LineageHubProcess.RunAsync("snapshot", path, "--key", "id", "--register", "--dataset", "s3://lake/orders", "--source", "erp", "--salt-key", keyFile, "--server", url.ToString(), "--json").Result.Out).RootElement.GetProperty("root").GetString()!;
            var v1 = Register(before);
            var v2 = Register(after);

            var (exit, output, error) = await LineageHubProcess.RunAsync("snapshot", "diff", $"s3://lake/orders@{v1}", $"dataset_version:s3://lake|orders|{v2}", "--server", url.ToString(), "--json");

            Assert.True(exit == 0, error);
            var diff = JsonDocument.Parse(output).RootElement;
            Assert.Equal(1, diff.GetProperty("rowsAdded").GetInt64() - diff.GetProperty("rowsRemoved").GetInt64());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    private async Task<string> RegisterAsync(string path, string label)
    {
        var (exit, output, error) = await LineageHubProcess.RunAsync("snapshot", path, "--key", "id", "--register", "--dataset", "file://lake/sales", "--label", label, "--json", "--data", Data);
        Assert.True(exit == 0, error);
        return JsonDocument.Parse(output).RootElement.GetProperty("root").GetString()!;
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir.Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Rows(int first, int last)
    {
        var text = new StringBuilder("id,name,amount\n");
        for (var i = first; i <= last; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i},name {i},{i * 3 / 2}\n");
        }
        return text.ToString();
    }

    public void Dispose() => _dir.Dispose();
}

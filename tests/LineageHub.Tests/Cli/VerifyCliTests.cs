using System.Text.Json;

namespace LineageHub.Tests.Cli;

/// <summary>lineagehub verify, run as a user runs it, against versions registered with lineagehub snapshot.</summary>
public sealed class VerifyCliTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    private string Data => Path.Combine(_dir.Path, "store");

    private string Files => Path.Combine(_dir.Path, "files");

    [Fact]
    public async Task Verify_All_IsOkUntilAByteFlips_ThenExitsOneNamingTheChunk_AndRecordsBothAsFacts()
    {
        Directory.CreateDirectory(Files);
        var blob = Path.Combine(Files, "blob.bin");
        var bytes = new byte[3 << 20];
        new Random(3).NextBytes(bytes);
        await File.WriteAllBytesAsync(blob, bytes);
        var csv = Path.Combine(Files, "t.csv");
        await File.WriteAllTextAsync(csv, "id,name\n" + string.Concat(Enumerable.Range(1, 3000).Select(i => $"{i},name {i}\n")));
        await RegisterAsync(blob, "blob");
        await RegisterAsync(csv, "t", "--key", "id");

        var good = await LineageHubProcess.RunAsync("verify", "--all", "--root", Files, "--data", Data);
        bytes[(2 << 20) + 5] ^= 0x40;
        await File.WriteAllBytesAsync(blob, bytes);
        var bad = await LineageHubProcess.RunAsync("verify", "--dataset", "file://lake/blob", "--root", Files, "--data", Data, "--json");

        Assert.True(good.ExitCode == 0, good.Out + good.Error);
        Assert.Equal(3, good.Out.Split('\n').Count(l => l.StartsWith("OK", StringComparison.Ordinal)));
        Assert.Equal(1, bad.ExitCode);
        var report = Assert.Single(JsonDocument.Parse(bad.Out).RootElement.EnumerateArray());
        Assert.Equal("TAMPERED", report.GetProperty("outcome").GetString());
        Assert.Equal("OK", report.GetProperty("previous").GetString());
        Assert.Equal("chunk 2 (bytes 2097152–3145727): content differs", Assert.Single(report.GetProperty("details").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Verify_AFileOutsideTheRoots_IsUnreadableAndNotRead()
    {
        Directory.CreateDirectory(Files);
        var blob = Path.Combine(Files, "blob.bin");
        await File.WriteAllBytesAsync(blob, new byte[1000]);
        await RegisterAsync(blob, "blob");

        var (exit, output, _) = await LineageHubProcess.RunAsync("verify", "--dataset", "file://lake/blob", "--root", Path.Combine(_dir.Path, "elsewhere"), "--data", Data, "--json");

        Assert.Equal(1, exit);
        var report = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.Equal("UNREADABLE", report.GetProperty("outcome").GetString());
        Assert.Contains("outside the allowed roots", report.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithTwoTargets_IsRefused()
    {
        var (exit, _, error) = await LineageHubProcess.RunAsync("verify", "--ledger", "--all", "--data", Data);

        Assert.Equal(2, exit);
        Assert.Contains("exactly one of --dataset, --version, --ledger and --all", error, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private async Task RegisterAsync(string path, string name, params string[] extra)
    {
        var (exit, _, error) = await LineageHubProcess.RunAsync(["snapshot", path, "--register", "--dataset", $"file://lake/{name}", "--data", Data, .. extra]);
        Assert.True(exit == 0, error);
    }
}

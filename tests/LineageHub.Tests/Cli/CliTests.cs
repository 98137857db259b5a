using System.Security.Cryptography;
using System.Text.Json;
using LineageHub.Core.Ledger;
using LineageHub.Core.Merkle;
using LineageHub.Testing;

namespace LineageHub.Tests.Cli;

/// <summary>The lineagehub verbs, run as a user runs them.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    [Theory]
    [InlineData("root", new string[] { "--help" })]
    [InlineData("ledger", new[] { "ledger", "--help" })]
    [InlineData("lineage", new[] { "lineage", "--help" })]
    [InlineData("parquet", new[] { "parquet", "--help" })]
    [InlineData("run", new[] { "run", "--help" })]
    [InlineData("model", new[] { "model", "--help" })]
    [InlineData("snapshot", new[] { "snapshot", "--help" })]
    [InlineData("proof", new[] { "proof", "--help" })]
    [InlineData("keys", new[] { "keys", "--help" })]
    [InlineData("serve", new[] { "serve", "--help" })]
    [InlineData("migrate", new[] { "migrate", "--help" })]
    [InlineData("diff", new[] { "diff", "--help" })]
    [InlineData("consent", new[] { "consent", "--help" })]
    [InlineData("consent-import", new[] { "consent", "import", "--help" })]
    [InlineData("consent-prove", new[] { "consent", "prove", "--help" })]
    [InlineData("evidence-verify", new[] { "evidence", "verify", "--help" })]
    [InlineData("evidence-sample", new[] { "evidence", "sample", "--help" })]
    [InlineData("verify", new[] { "verify", "--help" })]
    public async Task Help_MatchesTheApprovedText(string name, string[] args)
    {
        // The CLI is a public contract: a change to it must show up as a diff of these files.
        var approved = Path.Combine(AppContext.BaseDirectory, "Cli", "Approved", $"help-{name}.txt");
        var (exitCode, output, _) = await LineageHubProcess.RunAsync(args);
        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(approved), $"no approved text {approved}; received:\n{output}");
        Assert.Equal(await File.ReadAllTextAsync(approved), output);
    }

    [Fact]
    public async Task ChangeSetApply_Twice_RecordsOnceAndSaysNothingChanged()
    {
        var file = await WriteChangeSetAsync();

        var first = await LineageHubProcess.RunAsync("changeset", "apply", file, "--data", _data.Path);
        var second = await LineageHubProcess.RunAsync("changeset", "apply", file, "--data", _data.Path, "--json");

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("recorded as ledger entry 0", first.Out, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.False(JsonDocument.Parse(second.Out).RootElement.GetProperty("changed").GetBoolean());
    }

    [Fact]
    public async Task LedgerProve_PrintsAProofAnIndependentVerifierAccepts()
    {
        await LineageHubProcess.RunAsync("changeset", "apply", await WriteChangeSetAsync(), "--data", _data.Path);
        await LineageHubProcess.RunAsync("changeset", "apply", await WriteChangeSetAsync(), "--data", _data.Path);

        var (exitCode, output, _) = await LineageHubProcess.RunAsync("ledger", "prove", "--entry", "1", "--data", _data.Path);
        var head = JsonDocument.Parse((await LineageHubProcess.RunAsync("ledger", "head", "--json", "--data", _data.Path)).Out).RootElement;

        Assert.Equal(0, exitCode);
        var proof = JsonDocument.Parse(output).RootElement;
        // Recompute from the printed bytes alone: leaf = SHA-256(0x00 ‖ entry).
        var leaf = SHA256.HashData([0x00, .. Convert.FromBase64String(proof.GetProperty("entry").GetString()!)]);
        var path = proof.GetProperty("path").EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToArray();
        var root = Convert.FromHexString(head.GetProperty("root").GetString()!);
        Assert.True(MerkleProofVerifier.VerifyInclusion(1, 2, leaf, path, root).IsValid);
        var signed = new SignedTreeHead(2, Core.Hashing.Digest.FromBytes(root),
            DateTimeOffset.Parse(head.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            Convert.FromBase64String(head.GetProperty("signature").GetString()!), head.GetProperty("keyId").GetString()!);
        Assert.True(TreeHeadSigner.VerifyWith(head.GetProperty("publicKey").GetString()!, signed));
    }

    [Fact]
    public async Task Lineage_OfAnUnknownNode_ExitsNotFoundNamingIt()
    {
        var (exitCode, _, error) = await LineageHubProcess.RunAsync("lineage", "dataset:no|such", "--data", _data.Path);

        Assert.Equal(3, exitCode);
        Assert.Equal("error: no node dataset:no|such\n", error);
    }

    [Fact]
    public async Task ChangeSetApply_WithAnEdgeToAMissingNode_ExitsWithTheReasonAndWritesNothing()
    {
        var file = Path.Combine(_data.Path, "bad.json");
        await File.WriteAllTextAsync(file, """
            {"nodes":[{"id":"dataset:s3://lake|a","props":{"namespace":"s3://lake","name":"a"}}],
             "edges":[{"kind":"SUPPLIED_BY","from":"dataset:s3://lake|a","to":"source_system:ghost"}]}
            """);

        var (exitCode, _, error) = await LineageHubProcess.RunAsync("changeset", "apply", file, "--data", _data.Path);
        var head = await LineageHubProcess.RunAsync("ledger", "head", "--json", "--data", _data.Path);

        Assert.Equal(2, exitCode);
        Assert.Contains("names node source_system:ghost, which does not exist", error, StringComparison.Ordinal);
        Assert.Equal(0, JsonDocument.Parse(head.Out).RootElement.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Serve_OnANonLoopbackAddress_WithoutAnApiKey_RefusesToStart()
    {
        var (exitCode, _, error) = await LineageHubProcess.RunAsync("serve", "--urls", "http://0.0.0.0:5081", "--data", _data.Path);

        Assert.Equal(2, exitCode);
        Assert.Contains("refusing to listen on http://0.0.0.0:5081: it is not a loopback address and no API key exists", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_CreateShowsTheKeyOnce_ListNeverShowsIt_RevokeEndsIt()
    {
        var created = await LineageHubProcess.RunAsync("keys", "create", "--role", "writer", "--name", "ci", "--data", _data.Path, "--json");
        var key = JsonDocument.Parse(created.Out).RootElement;
        var id = key.GetProperty("id").GetString()!;
        var secret = key.GetProperty("key").GetString()!;
        var listed = await LineageHubProcess.RunAsync("keys", "list", "--data", _data.Path, "--json");
        var revoked = await LineageHubProcess.RunAsync("keys", "revoke", id, "--data", _data.Path);
        var badRole = await LineageHubProcess.RunAsync("keys", "create", "--role", "root", "--data", _data.Path);
        var after = JsonDocument.Parse((await LineageHubProcess.RunAsync("keys", "list", "--data", _data.Path, "--json")).Out).RootElement;

        Assert.Equal(0, created.ExitCode);
        Assert.Equal("writer", key.GetProperty("role").GetString());
        Assert.DoesNotContain(secret, listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, await File.ReadAllTextAsync(Path.Combine(_data.Path, "api-keys.json")), StringComparison.Ordinal);
        Assert.Equal(id, JsonDocument.Parse(listed.Out).RootElement[0].GetProperty("id").GetString());
        Assert.Equal(0, revoked.ExitCode);
        Assert.Equal($"revoked key {id} (writer)\n", revoked.Out);
        Assert.Equal(2, badRole.ExitCode);
        Assert.NotEqual(JsonValueKind.Null, after[0].GetProperty("revokedAt").ValueKind);
    }

    [Fact]
    public async Task Keys_OnARunningServer_AreManagedWithAnAdminKey_AndRefusedWithAnyOther()
    {
        var admin = JsonDocument.Parse((await LineageHubProcess.RunAsync("keys", "create", "--role", "admin", "--name", "ops", "--data", _data.Path, "--json")).Out).RootElement;
        var (server, url) = await LineageHubProcess.StartServerAsync(_data.Path);
        try
        {
            var asAdmin = new Dictionary<string, string> { ["LINEAGEHUB_API_KEY"] = admin.GetProperty("key").GetString()! };
            var created = await LineageHubProcess.RunAsync(asAdmin, "keys", "create", "--role", "reader", "--name", "auditor-bot", "--server", url.ToString(), "--json");
            var reader = JsonDocument.Parse(created.Out).RootElement;
            var asReader = new Dictionary<string, string> { ["LINEAGEHUB_API_KEY"] = reader.GetProperty("key").GetString()! };
            var refused = await LineageHubProcess.RunAsync(asReader, "keys", "create", "--role", "admin", "--server", url.ToString());
            var anonymous = await LineageHubProcess.RunAsync("keys", "list", "--server", url.ToString());
            var listed = JsonDocument.Parse((await LineageHubProcess.RunAsync(asAdmin, "keys", "list", "--server", url.ToString(), "--json")).Out).RootElement;
            var revoked = await LineageHubProcess.RunAsync(asAdmin, "keys", "revoke", reader.GetProperty("id").GetString()!, "--server", url.ToString());
            var afterRevoke = await LineageHubProcess.RunAsync(asReader, "ledger", "head", "--server", url.ToString());
            var both = await LineageHubProcess.RunAsync(asAdmin, "keys", "list", "--server", url.ToString(), "--data", _data.Path);

            Assert.Equal(0, created.ExitCode);
            Assert.Equal("reader", reader.GetProperty("role").GetString());
            Assert.NotEqual(0, refused.ExitCode);
            Assert.Contains("an API key with the role reader", refused.Error, StringComparison.Ordinal);
            Assert.NotEqual(0, anonymous.ExitCode);
            Assert.Equal(
                new[] { admin.GetProperty("id").GetString(), reader.GetProperty("id").GetString() }.Order(),
                listed.EnumerateArray().Select(k => k.GetProperty("id").GetString()).Order());
            Assert.DoesNotContain(reader.GetProperty("key").GetString()!, listed.ToString(), StringComparison.Ordinal);
            Assert.Equal($"revoked key {reader.GetProperty("id").GetString()} (reader)\n", revoked.Out);
            Assert.NotEqual(0, afterRevoke.ExitCode);
            Assert.Equal(2, both.ExitCode);
            Assert.Contains("give --data or --server, not both", both.Error, StringComparison.Ordinal);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            server.Dispose();
        }
    }

    [Fact]
    public async Task Server_AnswersTheSameJsonAsTheLocalStore()
    {
        await LineageHubProcess.RunAsync("changeset", "apply", await WriteChangeSetAsync(), "--data", _data.Path);
        var local = await LineageHubProcess.RunAsync("ledger", "head", "--json", "--data", _data.Path);
        var (server, url) = await LineageHubProcess.StartServerAsync(_data.Path);
        try
        {
            var remote = await LineageHubProcess.RunAsync("ledger", "head", "--json", "--server", url.ToString());
            Assert.Equal(0, remote.ExitCode);
            Assert.Equal(
                JsonDocument.Parse(local.Out).RootElement.GetProperty("root").GetString(),
                JsonDocument.Parse(remote.Out).RootElement.GetProperty("root").GetString());
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            server.Dispose();
        }
    }

    public void Dispose() => _data.Dispose();

    private async Task<string> WriteChangeSetAsync()
    {
        var file = Path.Combine(_data.Path, $"{Guid.NewGuid():N}.json");
        await File.WriteAllBytesAsync(file, ChangeSetJson.Write(Some.Lineage().Changes));
        return file;
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LineageHub.Storage.Neo4j.Tests.Http;
using LineageHub.Storage.Neo4j.Tests.Support;
using LineageHub.Storage.Sqlite;
using LineageHub.Testing;

namespace LineageHub.Storage.Neo4j.Tests.Cli;

/// <summary>
/// The lineagehub verbs with <c>--store neo4j</c>, run as a user runs them, against the loopback
/// <see cref="FakeQueryApi"/>: checks how the options reach our requests (URL, user, password file),
/// not Neo4j.
/// </summary>
public sealed class Neo4jVerbTests : IAsyncLifetime
{
    private readonly FakeQueryApi _fake = new();
    private readonly TemporaryDirectory _data = new();

    [Fact]
    public async Task Migrate_SqliteToNeo4j_CopiesTheLedgerAndSaysBothEndAtTheSameRoot()
    {
        var scenario = Some.Lineage();
        await using (var sqlite = SqliteLineageStore.Open(_data.Path))
        {
            await sqlite.AppendAsync(scenario.Changes);
            await sqlite.AppendAsync(Core.Ledger.ChangeSet.Builder().Add(Some.Dataset()).Build());
        }
        var passwordFile = Path.Combine(_data.Path, "neo4j-password");
        await File.WriteAllTextAsync(passwordFile, FakeQueryApi.Password + "\n");
        string[] neo4j = ["--neo4j-url", _fake.Url.ToString(), "--neo4j-user", FakeQueryApi.User, "--neo4j-password-file", passwordFile];

        var (code, output, error) = await RunAsync(["migrate", "--from", "sqlite", "--to", "neo4j", "--data", _data.Path, .. neo4j, "--json"]);
        var lineage = await RunAsync(["lineage", scenario.ModelV1.Key.ToString(), "--store", "neo4j", "--data", _data.Path, .. neo4j, "--json"]);

        Assert.True(code == 0, error);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.True(report.GetProperty("same").GetBoolean());
        Assert.Equal(2, report.GetProperty("entries").GetInt64());
        Assert.Equal(2, _fake.Entries.Count);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{FakeQueryApi.User}:{FakeQueryApi.Password}"));
        Assert.All(_fake.Snapshot(), r => Assert.Equal(expected, r.Authorization));
        Assert.True(lineage.Code == 0, lineage.Error);
        Assert.Contains(scenario.CrmV1.Key.ToString(), lineage.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_OnNeo4j_AcceptsAChangeSetOverHttpAndWritesItThroughTheQueryApi()
    {
        var port = FreePort();
        var info = StartInfo(["serve", "--urls", $"http://127.0.0.1:{port}", "--data", _data.Path, "--store", "neo4j", "--neo4j-url", _fake.Url.ToString()]);
        info.Environment["LINEAGEHUB_NEO4J_USER"] = FakeQueryApi.User;
        info.Environment["LINEAGEHUB_NEO4J_PASSWORD"] = FakeQueryApi.Password;
        using var server = Process.Start(info)!;
        _ = server.StandardOutput.ReadToEndAsync();
        _ = server.StandardError.ReadToEndAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!await AnswersAsync(http))
            {
                Assert.False(server.HasExited, "serve exited early");
                Assert.True(DateTime.UtcNow < deadline, "serve did not answer /healthz within 60 s");
                await Task.Delay(100);
            }
            var changeSet = "{\"nodes\": [{\"id\": \"source_system:crm\", \"props\": {\"name\": \"crm\", \"kind\": \"internal\"}}]}";

            var response = await http.PostAsync("/api/changesets", new StringContent(changeSet, Encoding.UTF8, "application/json"));

            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            Assert.Single(_fake.Entries);
            Assert.Contains("source_system:crm", (string)_fake.Entries[0]["entry"]!, StringComparison.Ordinal);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task AnyVerb_Neo4jStoreWithoutAUrl_IsBadInputNamingTheOption()
    {
        var (code, _, error) = await RunAsync(["ledger", "head", "--store", "neo4j", "--data", _data.Path]);

        Assert.Equal(2, code);
        Assert.Contains("--neo4j-url", error, StringComparison.Ordinal);
    }

    private static async Task<bool> AnswersAsync(HttpClient http)
    {
        try
        {
            return (await http.GetAsync("/healthz")).IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo StartInfo(string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "lineagehub.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var name in (string[])["LINEAGEHUB_STORE", "LINEAGEHUB_NEO4J_URL", "LINEAGEHUB_NEO4J_DATABASE", "LINEAGEHUB_NEO4J_USER", "LINEAGEHUB_NEO4J_PASSWORD", "LINEAGEHUB_NEO4J_PASSWORD_FILE", "LINEAGEHUB_DATA", "LINEAGEHUB_SERVER"])
        {
            info.Environment.Remove(name);
        }
        return info;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _fake.DisposeAsync();
        _data.Dispose();
    }
}

using System.Text;
using System.Text.Json;
using LineageHub.Api.Tests.Support;
using LineageHub.Connectors.Datasets;
using LineageHub.Core.Domain;
using LineageHub.Core.Registration;
using LineageHub.Core.Snapshots;
using LineageHub.Integrity;
using LineageHub.Security;
using LineageHub.Testing;
using Microsoft.Data.Sqlite;

namespace LineageHub.Api.Tests.Integrity;

/// <summary>
/// The server's real Quartz scheduler on one-second cron schedules, against real files: tampering, deletion and
/// restoration seen by the scheduled jobs, as facts in GraphQL and as alerts at a webhook on 127.0.0.1.
/// </summary>
public sealed class ScheduledVerificationTests : IDisposable
{
    private const string EverySecond = "* * * * * ?";
    private const string Never = "0 0 0 1 1 ? 2099";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _data = Directory.CreateTempSubdirectory("lineagehub-verify-").FullName;
    private readonly SnapshotSaltKey _saltKey = SnapshotSaltKey.Generate();

    [CorpusFact("parquet-testing")]
    public async Task FlippedBytes_AreTamperedWithTheRightChunk_DeletionIsMissing_RestoreIsOk_AndBothTransitionsAlert()
    {
        using var webhook = new WebhookListener(failFirst: 1);
        await using var server = await ApiServer.StartAsync(verification: Settings(datasets: EverySecond) with { Webhooks = [webhook.Url] });
        var csv = Write("events.csv", Csv(5000));
        var parquet = Path.Combine(_data, "alltypes.parquet");
        File.Copy(Path.Combine(Corpus.Folder("parquet-testing")!, "data", "alltypes_plain.parquet"), parquet);
        var raw = Write("blob.bin", Bytes(3 * SnapshotFormat.RawChunkSize));
        var versions = new Dictionary<string, string>
        {
            [csv] = await RegisterAsync(server, csv, SnapshotMode.Table, "id"),
            [parquet] = await RegisterAsync(server, parquet, SnapshotMode.Table, "id"),
            [raw] = await RegisterAsync(server, raw, SnapshotMode.Raw, null),
        };
        var originals = versions.Keys.ToDictionary(p => p, File.ReadAllBytes);
        foreach (var id in versions.Values)
        {
            await WaitForAsync(server, id, "OK");
        }

        FlipText(csv, "name 2500\n", "name 2600\n");
        FlipText(parquet, "03/01/09", "03/01/19");
        FlipByte(raw, SnapshotFormat.RawChunkSize + 77);
        var csvCheck = await WaitForAsync(server, versions[csv], "TAMPERED");
        var parquetCheck = await WaitForAsync(server, versions[parquet], "TAMPERED");
        var rawCheck = await WaitForAsync(server, versions[raw], "TAMPERED");

        var csvChunk = Assert.Single(Differences(csvCheck));
        Assert.InRange(2499, csvChunk.GetProperty("firstRow").GetInt64(), csvChunk.GetProperty("lastRow").GetInt64());
        var parquetChunk = Assert.Single(Differences(parquetCheck));
        Assert.Equal(0, parquetChunk.GetProperty("chunk").GetInt64());
        var rawChunk = Assert.Single(Differences(rawCheck));
        Assert.Equal(1, rawChunk.GetProperty("chunk").GetInt64());
        Assert.Equal(SnapshotFormat.RawChunkSize, rawChunk.GetProperty("firstByte").GetInt64());

        File.Delete(csv);
        await WaitForAsync(server, versions[csv], "MISSING");
        foreach (var (path, bytes) in originals)
        {
            Replace(path, bytes);
        }
        foreach (var id in versions.Values)
        {
            await WaitForAsync(server, id, "OK");
        }

        // OK → TAMPERED → MISSING → OK for the CSV: each state change delivered (the first delivery fails and
        // is retried), under the id of the check that saw it.
        var delivered = await EventuallyAsync(() => webhook.Delivered.Where(a => a.GetProperty("target").GetString() == versions[csv]).ToList(),
            list => list.Count >= 3 && list[^1].GetProperty("outcome").GetString() == "OK");
        var outcomes = delivered.Select(a => a.GetProperty("outcome").GetString()).ToList();
        Assert.Equal("TAMPERED", outcomes[0]);
        Assert.Equal("OK", delivered[0].GetProperty("previous").GetString());
        Assert.Contains("MISSING", outcomes);
        Assert.True(delivered[^1].GetProperty("recovered").GetBoolean());
        Assert.All(webhook.Requests, r => Assert.Equal(r.Body.GetProperty("id").GetString(), r.IdempotencyKey));
        Assert.Contains(webhook.Requests, r => r.Status == 503);
        Assert.Equal(delivered.Count, delivered.Select(a => a.GetProperty("id").GetString()).Distinct().Count());

        // Three versions went bad and came back: at least seven state changes, each pointing at its check.
        var alerts = (await server.QueryAsync("{ alerts { target outcome previous recovered verification { id } } }")).GetProperty("alerts");
        Assert.True(alerts.GetArrayLength() >= 7, alerts.ToString());
        Assert.All(alerts.EnumerateArray(), a => Assert.NotEqual(JsonValueKind.Null, a.GetProperty("verification").ValueKind));
        Assert.Contains(server.Log, line => line.Contains("changed from OK to TAMPERED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProjectionRowEditedInTheSqliteFile_FailsTheLedgerJob_NamingTheRow()
    {
        await using var server = await ApiServer.StartAsync(verification: Settings(ledger: EverySecond));
        var id = await RegisterAsync(server, Write("a.bin", Bytes(1000)), SnapshotMode.Raw, null);
        await EventuallyAsync(() => LedgerChecksAsync(server), checks => checks.Any(c => c.GetProperty("outcome").GetString() == "OK"));

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(server.Directory, "lineage.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE nodes SET props = replace(props, 'a.bin', 'b.bin') WHERE kind = 'dataset_version'";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var failed = await EventuallyAsync(async () => (await LedgerChecksAsync(server)).FirstOrDefault(c => c.GetProperty("outcome").GetString() == "TAMPERED"), c => c.ValueKind != JsonValueKind.Undefined);
        var problems = failed.GetProperty("evidence").GetProperty("problems").EnumerateArray().Select(p => p.GetString()).ToList();
        Assert.Contains(problems, p => p!.Contains("nodes row id", StringComparison.Ordinal) && p.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerifyNow_IsForAdminsAndAuditors_AndQueuesTheCheck()
    {
        await using var server = await ApiServer.StartAsync(verification: Settings());
        var (_, writer) = server.Keys.Create(ApiRole.Writer, "w");
        var (_, auditor) = server.Keys.Create(ApiRole.Auditor, "a");
        var id = await RegisterAsync(server, Write("a.bin", Bytes(1000)), SnapshotMode.Raw, null);
        const string Mutation = "mutation($id: ID!) { verifyNow(input: { datasetVersion: $id }) { queuedId userErrors { code message } } }";

        var (_, refused) = await server.PostAsync(Mutation, new { id }, writer);
        var queued = await server.QueryAsync(Mutation, new { id }, auditor);

        Assert.Equal("FORBIDDEN", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(queued.GetProperty("verifyNow").GetProperty("queuedId").GetString()));
        var check = await WaitForAsync(server, id, "OK", auditor);
        Assert.Equal("OK", check.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ShutdownDuringALongVerification_CancelsItAfterTheTimeout_AndFinishesCleanly()
    {
        var server = await ApiServer.StartAsync(verification: Settings() with { MaxBytesPerSecond = 2 * SnapshotFormat.RawChunkSize, ShutdownTimeoutSeconds = 1 });
        var id = await RegisterAsync(server, Write("big.bin", Bytes(64 * SnapshotFormat.RawChunkSize)), SnapshotMode.Raw, null);
        await server.QueryAsync("mutation($id: ID!) { verifyNow(input: { datasetVersion: $id }) { queuedId } }", new { id });
        await EventuallyAsync(() => Task.FromResult(server.Log.Any(l => l.Contains("queued", StringComparison.Ordinal))), seen => seen);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await server.App.StopAsync();
        watch.Stop();

        // 64 MiB at 2 MiB/s would take half a minute; the scheduler waited one second, then cancelled it.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"shutdown took {watch.Elapsed}");
        Assert.Contains(server.Log, l => l.Contains("cancelling them", StringComparison.Ordinal));
        Assert.Contains(server.Log, l => l.Contains("scheduler stopped", StringComparison.Ordinal));
        var facts = await server.Store.ListNodesAsync(NodeKind.Verification, null, null, 10);
        Assert.Empty(facts);
        await server.DisposeAsync();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // A file still open in a failed test; temp is cleaned later.
        }
    }

    private VerificationSettings Settings(string datasets = Never, string ledger = Never)
    {
        var keyFile = Path.Combine(_data, "salt.key");
        File.WriteAllText(keyFile, _saltKey.ToHex());
        return new VerificationSettings
        {
            AllowedRoots = [_data],
            DatasetsCron = datasets,
            LedgerCron = ledger,
            SaltKeyFile = keyFile,
            WebhookBackoffSeconds = 0.1,
            MaxConcurrent = 2,
            Threads = 2,
        };
    }

    private async Task<string> RegisterAsync(ApiServer server, string path, SnapshotMode mode, string? key)
    {
        var snapshot = DatasetSnapshotter.Snapshot(new SnapshotRequest(path, mode) { SaltKey = _saltKey, Key = key, Parallelism = 2 });
        var version = snapshot.ToDatasetVersion("file://tests", Path.GetFileName(path), null, new Uri(path).AbsoluteUri);
        await new CatalogRegistrar(server.Store).RegisterDatasetVersionAsync(version);
        return version.Key.ToString();
    }

    // The newest check of a version, once its status is `status`.
    private static async Task<JsonElement> WaitForAsync(ApiServer server, string id, string status, string? key = null) =>
        await EventuallyAsync(async () =>
        {
            var data = await server.QueryAsync("query($id: ID!) { node(id: $id) { ... on DatasetVersion { integrity { status lastVerifiedAt history(first: 1) { outcome summary evidence } } } } }", new { id }, key);
            var integrity = data.GetProperty("node").GetProperty("integrity");
            return integrity.GetProperty("status").GetString() == status ? integrity.GetProperty("history")[0] : default;
        }, check => check.ValueKind != JsonValueKind.Undefined, $"{id} to be {status}");

    private static async Task<List<JsonElement>> LedgerChecksAsync(ApiServer server) =>
        [.. (await server.QueryAsync("{ verifications(filter: { target: \"ledger\" }) { nodes { outcome evidence } } }")).GetProperty("verifications").GetProperty("nodes").EnumerateArray()];

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what = "the condition")
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }
            Assert.True(DateTime.UtcNow < deadline, $"waited {Patience} for {what}");
            await Task.Delay(200);
        }
    }

    private static Task<T> EventuallyAsync<T>(Func<T> read, Func<T, bool> done) => EventuallyAsync(() => Task.FromResult(read()), done);

    private static IReadOnlyList<JsonElement> Differences(JsonElement check) => [.. check.GetProperty("evidence").GetProperty("differences").EnumerateArray()];

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_data, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Csv(int rows) => "id,name\n" + string.Concat(Enumerable.Range(1, rows).Select(i => $"{i},name {i}\n"));

    private static byte[] Bytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }

    // Every change lands whole (written beside, then renamed over), so a check running meanwhile reads
    // either the old content or the new, and at worst reads again.
    private static void Replace(string path, byte[] bytes)
    {
        File.WriteAllBytes(path + ".new", bytes);
        File.Move(path + ".new", path, overwrite: true);
    }

    private static void FlipByte(string path, long offset)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[offset] ^= 0x01;
        Replace(path, bytes);
    }

    private static void FlipText(string path, string from, string to)
    {
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(from));
        Assert.True(at >= 0, $"'{from}' is not in {path}");
        Encoding.UTF8.GetBytes(to).CopyTo(bytes, at);
        Replace(path, bytes);
    }
}

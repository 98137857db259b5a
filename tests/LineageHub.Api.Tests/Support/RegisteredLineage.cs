using System.Text.Json;
using LineageHub.Core.Hashing;

namespace LineageHub.Api.Tests.Support;

/// <summary>
/// A realistic lineage registered through the API's own mutations: two raw sources (an internal CRM and a
/// vendor's credit bureau) → an ETL run → train and test sets → two training runs → two versions of one model.
/// </summary>
public sealed record RegisteredLineage(string CustomersV1, string ScoresV1, string TrainV1, string TestV1, string EtlRun, string TrainRunA, string TrainRunB, string Model, string ModelV1, string ModelV2)
{
    public const string Repository = "github.com/acme/credit-model";

    public const string Sha1 = "1111111111111111111111111111111111111111";

    public const string Sha2 = "2222222222222222222222222222222222222222";

    private const string RegisterVersion = """
        mutation($input: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $input) { datasetVersion { id } userErrors { code message } } }
        """;

    private const string RegisterRun = """
        mutation($input: RegisterRunInput!) { registerRun(input: $input) { run { id } change { changed } userErrors { code message } } }
        """;

    public static async Task<RegisteredLineage> RegisterAsync(ApiServer server, string? key = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await server.QueryAsync("""
            mutation($crm: RegisterDatasetInput!, $scores: RegisterDatasetInput!) {
              a: registerDataset(input: $crm) { dataset { id } userErrors { message } }
              b: registerDataset(input: $scores) { dataset { id } userErrors { message } }
            }
            """, new
        {
            crm = new { @namespace = "postgres://crm", name = "customers", description = "customer master data", sourceSystem = new { name = "crm", kind = "INTERNAL" } },
            scores = new { @namespace = "s3://vendor", name = "credit_scores", sourceSystem = new { name = "bureau", kind = "VENDOR", description = "credit bureau feed" } },
        }, key);
        var customers = await VersionAsync(server, key, "postgres://crm", "customers", $"customers-{tag}", 120_000, new { chunks = new[] { new { path = "part-0.parquet", root = new string('a', 64) } } });
        var scores = await VersionAsync(server, key, "s3://vendor", "credit_scores", $"scores-{tag}", 80_000, null);
        var train = await VersionAsync(server, key, "s3://features", "train", $"train-{tag}", 160_000, null);
        var test = await VersionAsync(server, key, "s3://features", "test", $"test-{tag}", 40_000, null);

        await server.QueryAsync("""
            mutation($input: RegisterCommitsInput!) { registerCommits(input: $input) { commits { id } userErrors { message } } }
            """, new
        {
            input = new
            {
                repository = new { identity = Repository, remoteUrl = "https://github.com/acme/credit-model.git" },
                commits = new object[]
                {
                    Commit(Sha1, "initial pipeline", "2026-03-01T09:00:00+01:00", []),
                    Commit(Sha2, "tune regularisation", "2026-03-02T10:30:00Z", [Sha1]),
                },
            },
        }, key);

        var etl = await RunAsync(server, key, new
        {
            job = new { @namespace = "airflow://prod", name = "build_features", type = "ETL" },
            runId = Guid.NewGuid().ToString(),
            status = "COMPLETED",
            startedAt = "2026-03-03T01:00:00Z",
            endedAt = "2026-03-03T01:20:00Z",
            inputs = new[] { customers, scores },
            outputs = new[] { train, test },
            code = new { repository = Repository, commit = Sha1 },
        });
        var model = $"credit_risk_{tag}";
        var trainA = await RunAsync(server, key, TrainingRun(train, test, model, "1", 0.81, "0.1"));
        var trainB = await RunAsync(server, key, TrainingRun(train, test, model, "2", 0.86, "0.01"));
        return new RegisteredLineage(customers, scores, train, test, etl, trainA, trainB, $"model:{model}", $"model_version:{model}|1", $"model_version:{model}|2");
    }

    private static object Commit(string sha, string message, string at, string[] parents) => new
    {
        sha, authorName = "Ada", authorEmail = "ada@acme.example", authoredAt = at,
        committerName = "Ada", committerEmail = "ada@acme.example", committedAt = at, message, parents,
    };

    private static object TrainingRun(string train, string test, string model, string version, double auc, string regularisation) => new
    {
        job = new { @namespace = "airflow://prod", name = "train_credit_risk", type = "TRAINING" },
        runId = Guid.NewGuid().ToString(),
        status = "COMPLETED",
        startedAt = "2026-03-04T02:00:00Z",
        endedAt = "2026-03-04T03:00:00Z",
        parameters = new Dictionary<string, string> { ["regularisation"] = regularisation, ["epochs"] = "20" },
        environment = new Dictionary<string, string> { ["python"] = "3.12", ["sklearn"] = "1.5.2" },
        inputs = new[] { train, test },
        code = new { repository = Repository, commit = Sha2, files = new[] { new { path = "train.py", blobHash = "3333333333333333333333333333333333333333" } } },
        producedModel = new { model, version, artifactDigest = Digest.Of(System.Text.Encoding.UTF8.GetBytes(model + version)).ToString(), artifactUri = $"s3://models/{model}/{version}", metrics = new { auc } },
    };

    private static async Task<string> VersionAsync(ApiServer server, string? key, string ns, string name, string content, long rows, object? snapshot)
    {
        var data = await server.QueryAsync(RegisterVersion, new
        {
            input = new
            {
                @namespace = ns, name, root = Digest.Of(System.Text.Encoding.UTF8.GetBytes(content)).ToString(), mode = "TABLE",
                leafCount = rows, byteSize = rows * 64, format = "parquet", storageUri = $"{ns}/{name}/{content}", snapshot,
            },
        }, key);
        return Id(data.GetProperty("registerDatasetVersion"), "datasetVersion");
    }

    private static async Task<string> RunAsync(ApiServer server, string? key, object input) =>
        Id((await server.QueryAsync(RegisterRun, new { input }, key)).GetProperty("registerRun"), "run");

    private static string Id(JsonElement payload, string field)
    {
        Assert.True(payload.GetProperty("userErrors").GetArrayLength() == 0, payload.ToString());
        return payload.GetProperty(field).GetProperty("id").GetString()!;
    }
}

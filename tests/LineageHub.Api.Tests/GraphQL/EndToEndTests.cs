using System.Text.Json;
using LineageHub.Api.Tests.Support;
using LineageHub.Core.Hashing;
using LineageHub.Core.Merkle;

namespace LineageHub.Api.Tests.GraphQL;

/// <summary>A realistic lineage registered over HTTP, then read back through every query of the schema.</summary>
public sealed class EndToEndTests : IAsyncLifetime
{
    private ApiServer _server = null!;
    private RegisteredLineage _lineage = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiServer.StartAsync();
        _lineage = await RegisteredLineage.RegisterAsync(_server);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ModelVersion_LeadsBackThroughItsRunToInputsCodeAndSources()
    {
        var data = await _server.QueryAsync("""
            query($v: String!) {
              modelVersion(model: $v, version: "2") {
                id version metrics artifactUri model { name versions { totalCount nodes { version } } }
                producedBy(first: 1) { nodes {
                  id status parameters environment startedAt job { name type }
                  commit { sha message parents(first: 2) { nodes { sha } } repository { identity remoteUrl } }
                  sourceFiles { nodes { path blobHash } }
                  inputs(first: 5) { edges { properties node { namespace name producedBy(first: 1) { nodes { id inputs(first: 5) { nodes { name dataset { suppliedBy(first: 1) { nodes { name kind } } } } } } } } } }
                } }
              }
            }
            """, new { v = _lineage.Model["model:".Length..] });

        var version = data.GetProperty("modelVersion");
        Assert.Equal(_lineage.ModelV2, version.GetProperty("id").GetString());
        Assert.Equal(0.86, version.GetProperty("metrics").GetProperty("auc").GetDouble());
        Assert.Equal(["1", "2"], version.GetProperty("model").GetProperty("versions").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("version").GetString()));
        var run = Assert.Single(version.GetProperty("producedBy").GetProperty("nodes").EnumerateArray());
        Assert.Equal(_lineage.TrainRunB, run.GetProperty("id").GetString());
        Assert.Equal("0.01", run.GetProperty("parameters").GetProperty("regularisation").GetString());
        Assert.Equal("TRAINING", run.GetProperty("job").GetProperty("type").GetString());
        Assert.Equal("2026-03-04T02:00:00+00:00", run.GetProperty("startedAt").GetString());
        var commit = run.GetProperty("commit");
        Assert.Equal(RegisteredLineage.Sha2, commit.GetProperty("sha").GetString());
        Assert.Equal(RegisteredLineage.Sha1, Assert.Single(commit.GetProperty("parents").GetProperty("nodes").EnumerateArray()).GetProperty("sha").GetString());
        Assert.Equal(RegisteredLineage.Repository, commit.GetProperty("repository").GetProperty("identity").GetString());
        Assert.Equal("train.py", Assert.Single(run.GetProperty("sourceFiles").GetProperty("nodes").EnumerateArray()).GetProperty("path").GetString());
        var inputs = run.GetProperty("inputs").GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        Assert.Equal(["train", "test"], inputs.Select(i => i.GetProperty("name").GetString()));
        var etl = Assert.Single(inputs[0].GetProperty("producedBy").GetProperty("nodes").EnumerateArray());
        Assert.Equal(_lineage.EtlRun, etl.GetProperty("id").GetString());
        var sources = etl.GetProperty("inputs").GetProperty("nodes").EnumerateArray()
            .Select(n => n.GetProperty("dataset").GetProperty("suppliedBy").GetProperty("nodes")[0].GetProperty("kind").GetString());
        Assert.Equal(["INTERNAL", "VENDOR"], sources);
    }

    [Fact]
    public async Task LookUps_ByNaturalKeyAndGlobalId_FindEveryKindOfNode()
    {
        var data = await _server.QueryAsync("""
            query($model: String!, $runId: ID!, $root: Digest!, $nodeIds: [ID!]!) {
              dataset(namespace: "postgres://crm", name: "customers") { id description versions { totalCount } suppliedBy { nodes { name } } }
              datasetVersion(namespace: "s3://features", name: "train", root: $root) { id mode leafCount byteSize format consumedBy { totalCount } producedBy { totalCount } derivedFrom { nodes { name } } }
              job(namespace: "airflow://prod", name: "train_credit_risk") { type runs { totalCount } }
              run(runId: $runId) { id status outputs { nodes { name } } model { id } }
              model(name: $model) { id versions { totalCount } }
              repository(identity: "github.com/acme/credit-model") { commits { totalCount nodes { sha } } }
              commit(repository: "github.com/acme/credit-model", sha: "2222222222222222222222222222222222222222") { message committedAt }
              sourceSystem(name: "bureau") { kind description datasets { nodes { name } } }
              missing: dataset(namespace: "nowhere", name: "nothing") { id }
              node(id: "dataset:s3://vendor|credit_scores") { __typename id ... on Dataset { name } }
              nodes(ids: $nodeIds) { __typename id }
            }
            """, new
        {
            model = _lineage.Model["model:".Length..],
            runId = _lineage.EtlRun["run:".Length..],
            root = _lineage.TrainV1.Split('|')[^1],
            nodeIds = new[] { _lineage.ModelV1, "run:00000000-0000-0000-0000-000000000000", _lineage.TrainRunA },
        });

        Assert.Equal("customer master data", data.GetProperty("dataset").GetProperty("description").GetString());
        Assert.Equal(1, data.GetProperty("dataset").GetProperty("versions").GetProperty("totalCount").GetInt32());
        var train = data.GetProperty("datasetVersion");
        Assert.Equal(_lineage.TrainV1, train.GetProperty("id").GetString());
        Assert.Equal(160_000, train.GetProperty("leafCount").GetDouble());
        Assert.Equal(2, train.GetProperty("consumedBy").GetProperty("totalCount").GetInt32());
        Assert.Equal(1, train.GetProperty("producedBy").GetProperty("totalCount").GetInt32());
        Assert.Equal(["customers", "credit_scores"], train.GetProperty("derivedFrom").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.Equal(2, data.GetProperty("job").GetProperty("runs").GetProperty("totalCount").GetInt32());
        Assert.Equal(["train", "test"], data.GetProperty("run").GetProperty("outputs").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("run").GetProperty("model").ValueKind);
        Assert.Equal(2, data.GetProperty("model").GetProperty("versions").GetProperty("totalCount").GetInt32());
        Assert.Equal(2, data.GetProperty("repository").GetProperty("commits").GetProperty("totalCount").GetInt32());
        Assert.Equal("tune regularisation", data.GetProperty("commit").GetProperty("message").GetString());
        Assert.Equal("VENDOR", data.GetProperty("sourceSystem").GetProperty("kind").GetString());
        Assert.Equal("credit_scores", data.GetProperty("sourceSystem").GetProperty("datasets").GetProperty("nodes")[0].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("missing").ValueKind);
        Assert.Equal("Dataset", data.GetProperty("node").GetProperty("__typename").GetString());
        var nodes = data.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal("ModelVersion", nodes[0].GetProperty("__typename").GetString());
        Assert.Equal(JsonValueKind.Null, nodes[1].ValueKind);
        Assert.Equal(_lineage.TrainRunA, nodes[2].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Datasets_FilterByNamespaceAndSearchTheirNames()
    {
        var data = await _server.QueryAsync("""
            {
              features: datasets(namespace: "s3://features") { nodes { name } }
              search: datasets(search: "SCORE") { nodes { id } }
              all: datasets(first: 100) { nodes { id } pageInfo { hasNextPage hasPreviousPage } }
              jobs(namespace: "airflow://prod") { nodes { name } }
              models(search: "credit") { nodes { id } }
              runs(first: 2) { nodes { id } totalCount pageInfo { hasNextPage } }
            }
            """);

        Assert.Equal(["test", "train"], data.GetProperty("features").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.Equal("dataset:s3://vendor|credit_scores", Assert.Single(data.GetProperty("search").GetProperty("nodes").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(4, data.GetProperty("all").GetProperty("nodes").GetArrayLength());
        Assert.False(data.GetProperty("all").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(["build_features", "train_credit_risk"], data.GetProperty("jobs").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()));
        Assert.Equal(_lineage.Model, Assert.Single(data.GetProperty("models").GetProperty("nodes").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(2, data.GetProperty("runs").GetProperty("nodes").GetArrayLength());
        Assert.True(data.GetProperty("runs").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("runs").GetProperty("totalCount").ValueKind);
    }

    [Fact]
    public async Task Lineage_UpstreamOfAModelVersion_ReachesTheRawSources_AndSaysWhenADepthCutItShort()
    {
        var data = await _server.QueryAsync("""
            query($from: ID!, $customers: ID!) {
              full: lineage(from: $from, depth: 20) { from nodes { id kind depth node { __typename } } edges { kind from to } truncated truncation asOfSize }
              shallow: lineage(from: $from, depth: 1) { nodes { id } truncated truncation }
              dataOnly: lineage(from: $from, depth: 10, edgeKinds: [PRODUCED, READ, WROTE]) { nodes { id kind } }
              downstream: lineage(from: $customers, direction: DOWNSTREAM, depth: 10) { nodes { id } }
              etl: node(id: $customers) { ... on DatasetVersion { consumedBy { nodes { ledgerSeq } } } }
            }
            """, new { from = _lineage.ModelV1, customers = _lineage.CustomersV1 });

        var full = data.GetProperty("full");
        var reached = full.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, n => n);
        Assert.False(full.GetProperty("truncated").GetBoolean());
        Assert.Equal(JsonValueKind.Null, full.GetProperty("truncation").ValueKind);
        Assert.Equal(0, reached[_lineage.ModelV1].GetProperty("depth").GetInt32());
        Assert.Equal(1, reached[_lineage.TrainRunA].GetProperty("depth").GetInt32());
        Assert.Equal("RUN", reached[_lineage.EtlRun].GetProperty("kind").GetString());
        Assert.Equal("DatasetVersion", reached[_lineage.ScoresV1].GetProperty("node").GetProperty("__typename").GetString());
        Assert.Contains(_lineage.CustomersV1, reached.Keys);
        Assert.DoesNotContain(_lineage.TrainRunB, reached.Keys); // a sibling, not an ancestor
        Assert.Contains(full.GetProperty("edges").EnumerateArray(), e =>
            e.GetProperty("kind").GetString() == "WROTE" && e.GetProperty("from").GetString() == _lineage.EtlRun && e.GetProperty("to").GetString() == _lineage.TrainV1);

        var shallow = data.GetProperty("shallow");
        Assert.True(shallow.GetProperty("truncated").GetBoolean());
        Assert.Equal("DEPTH", shallow.GetProperty("truncation").GetString());
        Assert.Equal(3, shallow.GetProperty("nodes").GetArrayLength()); // itself, its run, its model

        var dataOnly = data.GetProperty("dataOnly").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "MODEL_VERSION", "RUN", "DATASET_VERSION" }, dataOnly);

        var downstream = data.GetProperty("downstream").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();
        Assert.Contains(_lineage.ModelV1, downstream);
        Assert.Contains(_lineage.ModelV2, downstream);
        Assert.DoesNotContain(_lineage.ScoresV1, downstream);

        // The graph as it was just before the ETL run was recorded: nobody had read the customers yet.
        var etlSeq = data.GetProperty("etl").GetProperty("consumedBy").GetProperty("nodes")[0].GetProperty("ledgerSeq").GetInt32();
        var before = await _server.QueryAsync("query($c: ID!, $s: Int!) { lineage(from: $c, direction: DOWNSTREAM, asOf: { size: $s }) { nodes { id } asOfSize } }", new { c = _lineage.CustomersV1, s = etlSeq });
        Assert.Equal(etlSeq, before.GetProperty("lineage").GetProperty("asOfSize").GetInt32());
        Assert.Equal(_lineage.CustomersV1, Assert.Single(before.GetProperty("lineage").GetProperty("nodes").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Registering_TheSameFactsAgain_ChangesNothing_AndADifferentRunUnderAnIdIsAConflict()
    {
        var version = await _server.QueryAsync("""
            query($id: ID!) { node(id: $id) { ... on DatasetVersion { namespace name root mode leafCount byteSize format storageUri } } }
            """, new { id = _lineage.TestV1 });
        var v = version.GetProperty("node");
        var again = await _server.QueryAsync("""
            mutation($input: RegisterDatasetVersionInput!) { registerDatasetVersion(input: $input) { datasetVersion { id } change { changed ledgerSeq } userErrors { code } } }
            """, new { input = JsonSerializer.Deserialize<Dictionary<string, object?>>(v.GetRawText()) });
        Assert.False(again.GetProperty("registerDatasetVersion").GetProperty("change").GetProperty("changed").GetBoolean());
        Assert.Equal(_lineage.TestV1, again.GetProperty("registerDatasetVersion").GetProperty("datasetVersion").GetProperty("id").GetString());

        var reused = await _server.QueryAsync("""
            mutation($input: RegisterRunInput!) { registerRun(input: $input) { run { id } change { changed } userErrors { code message field } } }
            """, new
        {
            input = new
            {
                job = new { @namespace = "airflow://prod", name = "build_features", type = "ETL" },
                runId = _lineage.EtlRun["run:".Length..],
                status = "COMPLETED",
                startedAt = "2026-03-03T01:00:00Z",
                endedAt = "2026-03-03T01:20:00Z",
                inputs = new[] { _lineage.CustomersV1 },
                outputs = new[] { _lineage.TrainV1, _lineage.TestV1 },
                code = new { repository = RegisteredLineage.Repository, commit = RegisteredLineage.Sha1 },
            },
        });
        var payload = reused.GetProperty("registerRun");
        var error = Assert.Single(payload.GetProperty("userErrors").EnumerateArray());
        Assert.Equal("CONFLICT", error.GetProperty("code").GetString());
        Assert.Contains("different inputs", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("run").ValueKind);
    }

    [Fact]
    public async Task Mutations_WithBadInput_AnswerUserErrorsNamingTheField_NeverA500()
    {
        var data = await _server.QueryAsync("""
            mutation {
              unknownInput: registerRun(input: { job: { namespace: "a", name: "b", type: ETL }, runId: "6f9619ff-8b86-d011-b42d-00c04fc964ff", status: COMPLETED, inputs: ["dataset_version:s3://nowhere|x|0000000000000000000000000000000000000000000000000000000000000000"] }) { userErrors { code message field } }
              badId: registerRun(input: { job: { namespace: "a", name: "b", type: ETL }, runId: "not-a-uuid", status: COMPLETED }) { userErrors { code message field } }
              wrongKind: registerRun(input: { job: { namespace: "a", name: "b", type: ETL }, runId: "6f9619ff-8b86-d011-b42d-00c04fc964ff", status: COMPLETED, outputs: ["dataset:s3://lake|x"] }) { userErrors { code field } }
              emptyName: registerDataset(input: { namespace: "s3://lake", name: "" }) { userErrors { code } }
            }
            """);

        var missing = Assert.Single(data.GetProperty("unknownInput").GetProperty("userErrors").EnumerateArray());
        Assert.Equal("INVALID_INPUT", missing.GetProperty("code").GetString());
        Assert.Contains("which does not exist", missing.GetProperty("message").GetString(), StringComparison.Ordinal);
        var badId = Assert.Single(data.GetProperty("badId").GetProperty("userErrors").EnumerateArray());
        Assert.Equal(["input", "runId"], badId.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        var wrongKind = Assert.Single(data.GetProperty("wrongKind").GetProperty("userErrors").EnumerateArray());
        Assert.Equal(["input", "outputs", "0"], wrongKind.GetProperty("field").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("INVALID_INPUT", Assert.Single(data.GetProperty("emptyName").GetProperty("userErrors").EnumerateArray()).GetProperty("code").GetString());

        var (status, body) = await _server.PostAsync("""{ lineage(from: "dataset:no|such") { truncated } }""");
        Assert.Equal(200, status);
        Assert.Equal("NOT_FOUND", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Ledger_HeadEntryAndProofs_VerifyWithoutTrustingTheServer()
    {
        var data = await _server.QueryAsync("""
            {
              ledger {
                head { size root time signedBytes signature keyId publicKey }
                entry(seq: 1) { seq time bytes leafHash nodes edges { kind from to } }
                missing: entry(seq: 100000) { seq }
                inclusionProof(seq: 1) { seq treeSize leafHash root path entry { seq } }
                consistencyProof(from: 2, to: 5) { fromSize toSize fromRoot toRoot path }
              }
            }
            """);
        var ledger = data.GetProperty("ledger");
        var head = ledger.GetProperty("head");
        var size = head.GetProperty("size").GetInt32();
        var entry = ledger.GetProperty("entry");
        var bytes = Convert.FromBase64String(entry.GetProperty("bytes").GetString()!);
        var leaf = MerkleHash.Leaf(bytes);
        Assert.Equal(Convert.ToHexStringLower(leaf), entry.GetProperty("leafHash").GetString());
        Assert.Equal(JsonValueKind.Null, ledger.GetProperty("missing").ValueKind);

        var inclusion = ledger.GetProperty("inclusionProof");
        Assert.Equal(size, inclusion.GetProperty("treeSize").GetInt32());
        Assert.Equal(head.GetProperty("root").GetString(), inclusion.GetProperty("root").GetString());
        var path = inclusion.GetProperty("path").EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToArray();
        Assert.True(MerkleProofVerifier.VerifyInclusion(1, (ulong)size, leaf, path, Convert.FromHexString(head.GetProperty("root").GetString()!)).IsValid);

        var consistency = ledger.GetProperty("consistencyProof");
        Assert.True(MerkleProofVerifier.VerifyConsistency(2, 5,
            [.. consistency.GetProperty("path").EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!))],
            Convert.FromHexString(consistency.GetProperty("fromRoot").GetString()!),
            Convert.FromHexString(consistency.GetProperty("toRoot").GetString()!)).IsValid);

        var signed = new Core.Ledger.SignedTreeHead(size, Digest.Parse(head.GetProperty("root").GetString()!),
            DateTimeOffset.Parse(head.GetProperty("time").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            Convert.FromBase64String(head.GetProperty("signature").GetString()!), head.GetProperty("keyId").GetString()!);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(signed.SignedBytes), head.GetProperty("signedBytes").GetString());
        Assert.True(Core.Ledger.TreeHeadSigner.VerifyWith(head.GetProperty("publicKey").GetString()!, signed));
    }
}

using System.Text;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Runs;

namespace LineageHub.Tests.Runs;

/// <summary>Run manifests in YAML and JSON, checked against schema/run-manifest.schema.json.</summary>
public sealed class RunManifestReaderTests
{
    private const string Base = "/work/project";

    // The characters that mean something in YAML or JSON, for the mutation test.
    private const string Specials = ":-[]{}&*!|>'\"%@` \n#,";

    private const string Yaml = """
        job:
          namespace: credit
          name: train-scorecard
          type: training
        run:
          startedAt: 2026-05-01T09:00:00Z
          endedAt: 2026-05-01T11:30:00+02:00
          status: completed
        parameters:
          learning_rate: 0.05
          epochs: 10
          balanced: true
          optimizer: adam
        environment:
          python: "3.11.4"
        inputs:
          - namespace: s3://lake
            name: customers
            path: data/customers.csv
            mode: table
            key: id
          - version: dataset_version:s3://lake|bureau|0000000000000000000000000000000000000000000000000000000000000000
        code:
          repository: .
          files: [train.py, src/]
        model:
          name: credit-scorecard
          version: 7
          artifact: out/model.pkl
          metrics:
            auc: 0.81
            loss: 0.3
        """;

    private const string Json = """
        {"model": {"name": "credit-scorecard", "version": 7, "artifact": "out/model.pkl", "metrics": {"loss": 0.3, "auc": 0.81}},
         "job": {"type": "training", "name": "train-scorecard", "namespace": "credit"},
         "run": {"startedAt": "2026-05-01T09:00:00Z", "endedAt": "2026-05-01T11:30:00+02:00", "status": "completed"},
         "parameters": {"learning_rate": 0.05, "epochs": 10, "balanced": true, "optimizer": "adam"},
         "environment": {"python": "3.11.4"},
         "inputs": [{"namespace": "s3://lake", "name": "customers", "path": "data/customers.csv", "mode": "table", "key": "id"},
                    {"version": "dataset_version:s3://lake|bureau|0000000000000000000000000000000000000000000000000000000000000000"}],
         "code": {"repository": ".", "files": ["train.py", "src/"]}}
        """;

    [Fact]
    public void Read_AFullYamlManifest_ResolvesEveryPart()
    {
        var manifest = ReadYaml(Yaml);

        Assert.Equal(new JobId("credit", "train-scorecard"), manifest.Job);
        Assert.Equal(JobType.Training, manifest.JobType);
        Assert.False(manifest.RunIdWasGiven);
        Assert.Equal(RunStatus.Completed, manifest.Status);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero), manifest.StartedAt);
        Assert.Equal(TimeSpan.FromHours(2), manifest.EndedAt!.Value.Offset);
        Assert.Equal(new Dictionary<string, string> { ["learning_rate"] = "0.05", ["epochs"] = "10", ["balanced"] = "true", ["optimizer"] = "adam" }, manifest.Parameters);
        Assert.Equal("3.11.4", manifest.Environment["python"]);
        Assert.Equal(2, manifest.Inputs.Count);
        Assert.Equal((new DatasetId("s3://lake", "customers"), "/work/project/data/customers.csv", SnapshotMode.Table, "id"),
            (manifest.Inputs[0].Dataset!.Value, manifest.Inputs[0].Path, manifest.Inputs[0].Mode, manifest.Inputs[0].Key));
        Assert.Equal("bureau", manifest.Inputs[1].Version!.Value.Dataset.Name);
        Assert.Equal(("/work/project", (string?)null), (manifest.Code!.LocalPath, manifest.Code.Commit));
        Assert.Equal(["train.py", "src/"], manifest.Code.Files!);
        Assert.Equal(("credit-scorecard", "7", "/work/project/out/model.pkl"), (manifest.Model!.Name, manifest.Model.Version, manifest.Model.ArtifactPath));
        Assert.Equal(0.81, manifest.Model.Metrics["auc"]);
    }

    [Fact]
    public void Read_TheSameManifestAsJson_IsTheSameRun()
    {
        var yaml = ReadYaml(Yaml);
        var json = RunManifestReader.Read(Encoding.UTF8.GetBytes(Json), "run.json", isYaml: false, Base);

        Assert.Equal(yaml.RunId, json.RunId);
        Assert.Equal(yaml.Parameters, json.Parameters);
        Assert.Equal(yaml.Inputs, json.Inputs);
        Assert.Equal(yaml.Model!.Metrics, json.Model!.Metrics);
    }

    [Fact]
    public void Read_WithoutARunId_DerivesOneFromTheContent()
    {
        var other = ReadYaml(Yaml.Replace("epochs: 10", "epochs: 11", StringComparison.Ordinal));
        var given = ReadYaml(Yaml.Replace("run:\n", "run:\n  id: 3f0c2a52-52a4-4d5b-9b53-0f0b6a3c5d10\n", StringComparison.Ordinal));

        Assert.NotEqual(ReadYaml(Yaml).RunId, other.RunId);
        Assert.Equal(8, ReadYaml(Yaml).RunId.Version);
        Assert.True(given.RunIdWasGiven);
        Assert.Equal(Guid.Parse("3f0c2a52-52a4-4d5b-9b53-0f0b6a3c5d10"), given.RunId);
    }

    [Theory]
    [InlineData("parameters: {a: 1}\n", "run.yaml:1:1: the manifest: Required properties [\"job\"] are not present")]
    [InlineData("job: {namespace: a, name: b, type: inference}\n", "run.yaml:1:36: /job/type: ")]
    [InlineData("job: {namespace: a, name: b, type: etl}\nrun: {startedAt: 2026-05-01T09:00:00}\n", "run.yaml:2:18: /run/startedAt: ")]
    [InlineData("job: {namespace: a, name: b, type: etl}\nrun: {startedAt: 2026-05-01T09:00:00Z, endedAt: 2026-05-01T08:00:00Z}\n", "run.yaml:2:49: endedAt is before startedAt")]
    [InlineData("job: {namespace: a, name: b, type: etl}\ncolour: blue\n", "run.yaml:2:9: /colour: is not a property of a run manifest")]
    [InlineData("job: {namespace: a, name: b, type: etl}\ninputs:\n  - {name: x}\n", "run.yaml:3:5: /inputs/0: an input or output is either {version: DATASET_VERSION_ID} or {namespace, name, path}")]
    [InlineData("job: {namespace: a, name: b, type: etl}\ninputs:\n  - {version: dataset_version:a|b}\n", "run.yaml:3:15: 'dataset_version:a|b' is not a dataset version id")]
    [InlineData("job: {namespace: a, name: b, type: etl}\ncode: {repository: 'https://git.example/a.git'}\n", "run.yaml:2:7: a repository given by URL needs a full commit sha")]
    [InlineData("job: &j {namespace: a, name: b, type: etl}\nother: *j\n", "run.yaml:1:6: YAML anchors and aliases are not supported")]
    [InlineData("job: {namespace: a, name: b, type: etl}\njob: {namespace: a, name: b, type: etl}\n", "run.yaml:2:1: the key 'job' appears twice")]
    [InlineData("job: {namespace: a, name: b, type: etl}\n---\njob: {namespace: a, name: b, type: etl}\n", "a manifest is one YAML document")]
    [InlineData("", "run.yaml: the manifest is empty")]
    [InlineData("- a\n- b\n", "run.yaml: the manifest must be an object")]
    public void Read_BadYaml_SaysWhereAndWhat(string yaml, string expected)
    {
        var error = Assert.Throws<LineageHubException>(() => ReadYaml(yaml));

        Assert.Equal(ErrorCode.InvalidInput, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BrokenJson_GivesLineAndColumn()
    {
        var error = Assert.Throws<LineageHubException>(() =>
            RunManifestReader.Read("{\"job\": {\"namespace\": \"a\",\n  \"name\": }}"u8, "run.json", isYaml: false, Base));

        Assert.StartsWith("run.json:2:11: not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DeeplyNestedYaml_IsRefusedBeforeItCanHurt()
    {
        var yaml = "job: {namespace: a, name: b, type: etl}\nparameters:\n" + string.Concat(Enumerable.Range(1, 40).Select(i => new string(' ', 2 * i) + $"k{i}:\n"));

        var error = Assert.Throws<LineageHubException>(() => ReadYaml(yaml));

        Assert.Contains("nested more than 32 levels deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Mutations_EndInAClearErrorOrAManifest_NeverAnotherException()
    {
        var random = new Random(20261201);
        var source = Encoding.UTF8.GetBytes(Yaml);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = (byte[])source.Clone();
            var start = random.Next(bytes.Length);
            switch (i % 4)
            {
                case 0: bytes = bytes[..start]; break;
                case 1: bytes[start] = (byte)random.Next(32, 127); break;
                case 2: bytes[start] = (byte)Specials[random.Next(Specials.Length)]; break;
                default: bytes = [.. bytes[..start], .. bytes[random.Next(start, bytes.Length)..]]; break;
            }
            try
            {
                RunManifestReader.Read(bytes, "run.yaml", isYaml: i % 8 != 7, Base);
            }
            catch (LineageHubException ex)
            {
                Assert.Equal(ErrorCode.InvalidInput, ex.Code);
            }
        }
    }

    private static RunManifest ReadYaml(string yaml) => RunManifestReader.Read(Encoding.UTF8.GetBytes(yaml), "run.yaml", isYaml: true, Base);
}

using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LineageHub.Tests.Runs;

/// <summary>
/// <c>lineagehub run register|show</c> and <c>model show</c> as an ML engineer uses them: real git
/// repositories, real files to snapshot, the real executable, a local store or a server.
/// </summary>
public sealed partial class RunRegistrationTests : IDisposable
{
    private const string RunId = "6f9c3c1e-2b7a-4d0e-9f5e-0a1b2c3d4e5f";

    private readonly TemporaryDirectory _work = new();

    private string Store => Path.Combine(_work.Path, "store");

    private string Project => Path.Combine(_work.Path, "project");

    public void Dispose() => _work.Dispose();

    [Fact]
    public async Task ReadmeExample_RunsAsWritten_AndRegistersTheRunOnce()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"));
        var script = ExampleBlock().Match(readme);
        Assert.True(script.Success, "README.md has no block marked <!-- example: training-run -->");
        var wrapper = Path.Combine(_work.Path, "lineagehub");
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "lineagehub.dll")}' \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var (exitCode, output, error) = await Shell(script.Groups[1].Value, _work.Path, ("LINEAGEHUB", wrapper));
        var again = await LineageHubProcess.RunAsync("run", "register", Path.Combine(_work.Path, "churn", "out", "run.yaml"), "--data", Store, "--json");

        Assert.True(exitCode == 0, $"the README example failed ({exitCode}):\n{output}\n{error}");
        Assert.Matches(@"registered run:[0-9a-f-]{36} as ledger entry 0", output);
        Assert.Contains("model_version:churn|1  auc=0.81  by run:", output, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.False(JsonDocument.Parse(again.Out).RootElement.GetProperty("changed").GetBoolean());
    }

    [Fact]
    public async Task Register_RecordsEverythingInOneEntry_AndShowReadsItBack()
    {
        var sha = CreateProject();
        var manifest = WriteManifest("run.yaml", ManifestYaml());

        var registered = Json(await LineageHubProcess.RunAsync("run", "register", manifest, "--data", Store, "--json"));
        var run = Json(await LineageHubProcess.RunAsync("run", "show", RunId, "--data", Store, "--json"));
        var model = Json(await LineageHubProcess.RunAsync("model", "show", "scorecard@7", "--data", Store, "--json"));
        var head = Json(await LineageHubProcess.RunAsync("ledger", "head", "--data", Store, "--json"));

        Assert.Equal(0, registered.GetProperty("seq").GetInt64());
        Assert.Equal(1, head.GetProperty("size").GetInt64());
        var input = Assert.Single(run.GetProperty("inputs").EnumerateArray()).GetString()!;
        Assert.StartsWith("dataset_version:file://lake|customers|", input, StringComparison.Ordinal);
        Assert.EndsWith("|" + sha, run.GetProperty("commit").GetString(), StringComparison.Ordinal);
        Assert.Contains("|train.py|", Assert.Single(run.GetProperty("files").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Equal("0.05", run.GetProperty("run").GetProperty("parameters").GetProperty("learning_rate").GetString());
        Assert.Equal("model_version:scorecard|7", Assert.Single(run.GetProperty("produced").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal($"run:{RunId}", model.GetProperty("run").GetProperty("id").GetString());
        var version = Assert.Single(model.GetProperty("versions").EnumerateArray()).GetProperty("version");
        Assert.Equal(0.81, version.GetProperty("metrics").GetProperty("auc").GetDouble());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("weights"u8)), version.GetProperty("artifactDigest").GetString());
    }

    [Fact]
    public async Task Register_ADifferentRunUnderAnExistingRunId_IsAConflictAndWritesNothing()
    {
        CreateProject();
        await LineageHubProcess.RunAsync("run", "register", WriteManifest("run.yaml", ManifestYaml()), "--data", Store);

        var changed = WriteManifest("run2.yaml", ManifestYaml().Replace("learning_rate: 0.05", "learning_rate: 0.5", StringComparison.Ordinal));
        var (exitCode, _, error) = await LineageHubProcess.RunAsync("run", "register", changed, "--data", Store);
        var head = Json(await LineageHubProcess.RunAsync("ledger", "head", "--data", Store, "--json"));

        Assert.Equal(4, exitCode);
        Assert.Contains($"run {RunId} is already registered with different details", error, StringComparison.Ordinal);
        Assert.Equal(1, head.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Register_WithAMissingArtifact_WritesNothing_EvenWhatWasSnapshottedBeforeIt()
    {
        CreateProject();
        var manifest = WriteManifest("run.yaml", ManifestYaml().Replace("artifact: model.bin", "artifact: gone.bin", StringComparison.Ordinal));

        var (exitCode, _, error) = await LineageHubProcess.RunAsync("run", "register", manifest, "--data", Store);
        var head = Json(await LineageHubProcess.RunAsync("ledger", "head", "--data", Store, "--json"));

        Assert.Equal(3, exitCode);
        Assert.Contains("/model/artifact: no file", error, StringComparison.Ordinal);
        Assert.Equal(0, head.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Register_AnUnregisteredDatasetVersion_IsNotFoundNamingIt()
    {
        CreateProject();
        var missing = "dataset_version:s3://lake|bureau|" + new string('0', 64);
        var manifest = WriteManifest("run.yaml", ManifestYaml().Replace("inputs:\n", $"inputs:\n  - {{version: \"{missing}\"}}\n", StringComparison.Ordinal));

        var (exitCode, _, error) = await LineageHubProcess.RunAsync("run", "register", manifest, "--data", Store);

        Assert.Equal(3, exitCode);
        Assert.Equal($"error: /inputs/0: no dataset version {missing} is registered\n", error);
    }

    [Fact]
    public async Task Register_FromADirtyTree_WarnsAndRecordsWhatDiffered()
    {
        CreateProject();
        await File.AppendAllTextAsync(Path.Combine(Project, "train.py"), "epochs = 99\n");

        var (exitCode, output, error) = await LineageHubProcess.RunAsync("run", "register", WriteManifest("run.yaml", ManifestYaml()), "--data", Store, "--json");
        var environment = Json(await LineageHubProcess.RunAsync("run", "show", RunId, "--data", Store, "--json")).GetProperty("run").GetProperty("environment");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("warning: the working tree", error, StringComparison.Ordinal);
        Assert.Contains("not reproducible from the commit alone", error, StringComparison.Ordinal);
        Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Equal("true", environment.GetProperty("git.dirty").GetString());
        Assert.StartsWith("sha256:", environment.GetProperty("git.diff_sha256").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_AfterNewCommits_RecordsOnlyTheHistoryNotRecordedBefore()
    {
        CreateProject();
        await LineageHubProcess.RunAsync("run", "register", WriteManifest("run.yaml", ManifestYaml()), "--data", Store);
        Commit("notes.md", "one\n", "second");
        var tip = Commit("notes.md", "two\n", "third");
        const string nextRun = "0b7d8f52-3c1a-4e6b-8d2f-9a0c1e2d3f40";
        var next = ManifestYaml().Replace(RunId, nextRun, StringComparison.Ordinal).Replace("version: 7", "version: 8", StringComparison.Ordinal);

        var registered = Json(await LineageHubProcess.RunAsync("run", "register", WriteManifest("run2.yaml", next), "--data", Store, "--json"));
        var commit = Json(await LineageHubProcess.RunAsync("run", "show", nextRun, "--data", Store, "--json")).GetProperty("commit").GetString()!;
        var history = Json(await LineageHubProcess.RunAsync("lineage", commit, "--edge-kinds", "PARENT", "--data", Store, "--json"));

        // Created: the run, its model version and the two new commits; the dataset version, the file
        // (unchanged blob), the job, the model and the first commit are linked to as recorded.
        Assert.EndsWith("|" + tip, commit, StringComparison.Ordinal);
        Assert.Equal(4, registered.GetProperty("nodesCreated").GetInt32());
        Assert.Equal(3, history.GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task Register_CodeByUrl_NeedsTheCommitCapturedFromACheckoutFirst()
    {
        var sha = CreateProject();
        Git("remote", "add", "origin", "git@git.example:team/credit.git");
        const string byUrl = "1d2c3b4a-5f6e-4a8b-9c0d-e1f2a3b4c5d6";
        var manifest = ManifestYaml().Replace(RunId, byUrl, StringComparison.Ordinal).Replace("version: 7", "version: 9", StringComparison.Ordinal)
            .Replace("code: {repository: ., files: [train.py]}", $"code: {{repository: 'https://git.example/team/credit.git', commit: {sha}}}", StringComparison.Ordinal);

        var before = await LineageHubProcess.RunAsync("run", "register", WriteManifest("url.yaml", manifest), "--data", Store);
        await LineageHubProcess.RunAsync("run", "register", WriteManifest("run.yaml", ManifestYaml()), "--data", Store);
        var after = Json(await LineageHubProcess.RunAsync("run", "register", WriteManifest("url.yaml", manifest), "--data", Store, "--json"));

        // The ssh remote of the checkout and the https URL in the manifest name one repository.
        Assert.Equal(3, before.ExitCode);
        Assert.Contains($"/code: commit {sha} of git.example/team/credit is not registered", before.Error, StringComparison.Ordinal);
        Assert.True(after.GetProperty("changed").GetBoolean());
        Assert.Equal(sha, after.GetProperty("commit").GetString());
    }

    [Fact]
    public async Task Register_ThroughAServer_RecordsTheSameRunAsLocally()
    {
        CreateProject();
        var manifest = WriteManifest("run.yaml", ManifestYaml());
        var server = Path.Combine(_work.Path, "server-store");
        var (process, url) = await LineageHubProcess.StartServerAsync(server);
        try
        {
            var remote = Json(await LineageHubProcess.RunAsync("run", "register", manifest, "--server", url.ToString(), "--json", "--salt-key", SaltKey()));
            var local = Json(await LineageHubProcess.RunAsync("run", "register", manifest, "--data", Store, "--json", "--salt-key", SaltKey()));
            var shown = Json(await LineageHubProcess.RunAsync("run", "show", RunId, "--server", url.ToString(), "--json"));

            Assert.True(remote.GetProperty("changed").GetBoolean());
            Assert.Equal(local.GetProperty("inputs")[0].GetString(), remote.GetProperty("inputs")[0].GetString());
            Assert.Equal(local.GetProperty("nodesCreated").GetInt32(), remote.GetProperty("nodesCreated").GetInt32());
            Assert.Equal(remote.GetProperty("inputs")[0].GetString(), shown.GetProperty("inputs")[0].GetString());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    private static string ManifestYaml() => $$$"""
        job: {namespace: credit, name: train-scorecard, type: training}
        run: {id: {{{RunId}}}, startedAt: 2026-05-01T09:00:00Z, endedAt: 2026-05-01T09:30:00Z}
        parameters: {learning_rate: 0.05}
        inputs:
          - {namespace: "file://lake", name: customers, path: data/customers.csv, key: id}
        code: {repository: ., files: [train.py]}
        model: {name: scorecard, version: 7, artifact: model.bin, metrics: {auc: 0.81}}
        """;

    // A repository with a data file, a model artifact and a script; data and artifacts are ignored, as in
    // a real project, so the tree is clean.
    private string CreateProject()
    {
        Directory.CreateDirectory(Path.Combine(Project, "data"));
        File.WriteAllText(Path.Combine(Project, "data", "customers.csv"), "id,name\n1,ada\n2,grace\n");
        File.WriteAllText(Path.Combine(Project, "model.bin"), "weights");
        File.WriteAllText(Path.Combine(Project, ".gitignore"), "data/\nmodel.bin\n*.yaml\n");
        Git("init", "-q", "-b", "main");
        return Commit("train.py", "lr = 0.05\n", "first");
    }

    private string Commit(string file, string content, string message)
    {
        File.WriteAllText(Path.Combine(Project, file), content);
        Git("add", "-A");
        Git("-c", "user.name=Test", "-c", "user.email=test@example.com", "commit", "-q", "-m", message);
        return Git("rev-parse", "HEAD").Trim();
    }

    private string Git(params string[] args)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = Project, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["HOME"] = _work.Path;
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error}");
        return output;
    }

    private string WriteManifest(string name, string yaml)
    {
        var path = Path.Combine(Project, name);
        File.WriteAllText(path, yaml);
        return path;
    }

    // Two stores snapshot the same table to the same root only with the same salt key.
    private string SaltKey()
    {
        var path = Path.Combine(_work.Path, "salt.key");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, new string('7', 64) + "\n");
        }
        return path;
    }

    private static JsonElement Json((int ExitCode, string Out, string Error) result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    private static async Task<(int ExitCode, string Out, string Error)> Shell(string script, string directory, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("bash") { WorkingDirectory = directory, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-eu");
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["HOME"] = directory;
        info.Environment["LINEAGEHUB_DATA"] = Path.Combine(directory, "store");
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LineageHub.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("LineageHub.sln not found above the test binaries");
    }

    [GeneratedRegex(@"<!-- example: training-run[^>]*-->\n```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();
}

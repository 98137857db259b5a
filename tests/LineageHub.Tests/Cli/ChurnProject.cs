using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LineageHub.Tests.Cli;

/// <summary>
/// The lineage diff's scenario, built for real: a git repository holding a cleaning and a training script,
/// CSV files under data/ (ignored by git, as in a real project), and run manifests registered with the real
/// executable. Version 1 trains on the cleaned source; for version 2 the source gets 1,000 changed rows and
/// loses a column, the cleaning script changes in one commit, the learning rate changes and accuracy drops.
/// Run ids, commit dates and the salt key are fixed, so every id and root is the same on every run.
/// </summary>
public sealed class ChurnProject : IDisposable
{
    public const int Rows = 10_000;

    private readonly TemporaryDirectory _work = new();

    public string Root => Path.Combine(_work.Path, "churn");

    public string Store => Path.Combine(_work.Path, "store");

    public string SaltKey => Path.Combine(_work.Path, "salt.key");

    public void Dispose() => _work.Dispose();

    /// <summary>Registers both versions' runs: v1's cleaning and training, then v2's.</summary>
    public async Task BuildAsync()
    {
        Directory.CreateDirectory(Root);
        await File.WriteAllTextAsync(SaltKey, new string('5', 64) + "\n");
        await File.WriteAllTextAsync(Path.Combine(Root, ".gitignore"), "data/\n*.yaml\n");
        await File.WriteAllTextAsync(Path.Combine(Root, "train.py"), "import model\nmodel.fit(learning_rate=LR)\n");
        await File.WriteAllTextAsync(Path.Combine(Root, "clean.py"), "rows = read()\nwrite(lower_names(rows))\n");
        Git("init", "-q", "-b", "main");
        Git("remote", "add", "origin", "https://git.example/team/churn.git");
        Commit("Clean and train the churn model", 1);

        await WriteDataAsync("v1", dropEmail: false, changedEvery: 0, clamp: false);
        await RegisterAsync("v1", "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002", learningRate: "0.05", version: 1, accuracy: 0.91);

        await File.WriteAllTextAsync(Path.Combine(Root, "clean.py"), "rows = read()\nrows = [r for r in rows if r.score is not None]\nwrite(clamp_scores(lower_names(rows)))\n");
        Commit("Clamp scores when cleaning", 2);
        await WriteDataAsync("v2", dropEmail: true, changedEvery: 10, clamp: true);
        await RegisterAsync("v2", "00000000-0000-4000-8000-000000000003", "00000000-0000-4000-8000-000000000004", learningRate: "0.01", version: 2, accuracy: 0.84);
    }

    public Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args) =>
        LineageHubProcess.RunAsync([.. args, "--data", Store]);

    // Source rows: id,name,email,score; v2 drops email and changes the score of every tenth row. The cleaned
    // table keeps id,name,score with lower-case names; v2's script also clamps scores to 90.
    private async Task WriteDataAsync(string version, bool dropEmail, int changedEvery, bool clamp)
    {
        var folder = Path.Combine(Root, "data", version);
        Directory.CreateDirectory(folder);
        var source = new StringBuilder(dropEmail ? "id,name,score\n" : "id,name,email,score\n");
        var clean = new StringBuilder("id,name,score\n");
        for (var id = 1; id <= Rows; id++)
        {
            var score = (id * 7 % 100) + (changedEvery > 0 && id % changedEvery == 0 ? 1 : 0);
            var name = $"Customer {id}";
            source.Append(CultureInfo.InvariantCulture, $"{id},{name},{(dropEmail ? "" : $"c{id}@example.com,")}{score}\n");
            clean.Append(CultureInfo.InvariantCulture, $"{id},{name.ToLowerInvariant()},{(clamp ? Math.Min(score, 90) : score)}\n");
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "customers.csv"), source.ToString());
        await File.WriteAllTextAsync(Path.Combine(folder, "clean.csv"), clean.ToString());
    }

    private async Task RegisterAsync(string data, string cleanRun, string trainRun, string learningRate, int version, double accuracy)
    {
        var clean = $$"""
            job: {namespace: etl, name: clean-customers, type: etl}
            run: {id: {{cleanRun}}, startedAt: 2026-05-0{{version}}T09:00:00Z, endedAt: 2026-05-0{{version}}T09:10:00Z}
            inputs:
              - {namespace: "file://lake", name: customers, path: data/{{data}}/customers.csv, key: id}
            outputs:
              - {namespace: "file://lake", name: customers-clean, path: data/{{data}}/clean.csv, key: id}
            code: {repository: ., files: [clean.py]}
            """;
        var train = $$"""
            job: {namespace: ml, name: train-churn, type: training}
            run: {id: {{trainRun}}, startedAt: 2026-05-0{{version}}T10:00:00Z, endedAt: 2026-05-0{{version}}T11:00:00Z}
            parameters: {learning_rate: {{learningRate}}, epochs: 20}
            inputs:
              - {namespace: "file://lake", name: customers-clean, path: data/{{data}}/clean.csv, key: id}
            code: {repository: ., files: [train.py]}
            model: {name: churn, version: {{version}}, metrics: {accuracy: {{accuracy.ToString(CultureInfo.InvariantCulture)}}, auc: 0.8} }
            """;
        foreach (var (name, yaml) in new[] { ($"clean-{data}.yaml", clean), ($"train-{data}.yaml", train) })
        {
            var path = Path.Combine(Root, name);
            await File.WriteAllTextAsync(path, yaml);
            var (exitCode, _, error) = await LineageHubProcess.RunAsync("run", "register", path, "--data", Store, "--salt-key", SaltKey);
            Assert.True(exitCode == 0, $"run register {name} failed ({exitCode}): {error}");
        }
    }

    private void Commit(string message, int day)
    {
        Git("add", "-A");
        var date = $"2026-05-0{day}T08:00:00Z";
        Git(["-c", "user.name=Ada", "-c", "user.email=ada@example.com", "commit", "-q", "-m", message], ("GIT_AUTHOR_DATE", date), ("GIT_COMMITTER_DATE", date));
    }

    private void Git(params string[] args) => Git(args, []);

    private void Git(string[] args, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = Root, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        info.Environment["HOME"] = _work.Path;
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)} failed: {error.Result}");
    }
}

using System.Text.Json;
using LineageHub.Diff;

namespace LineageHub.Tests.Cli;

/// <summary>
/// <c>lineagehub diff</c> on the scenario (see <see cref="ChurnProject"/>): real files, a real git
/// repository, runs registered by the real executable. The diff must report exactly what was changed and
/// name the source data change and the script change as the root causes.
/// </summary>
public sealed class DiffCommandTests : IClassFixture<DiffCommandTests.Scenario>
{
    private readonly ChurnProject _project;

    public DiffCommandTests(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _project = scenario.Project;
    }

    [Fact]
    public async Task Diff_WithData_ReportsExactlyTheChangesMade_AndTheirRootCauses()
    {
        var diff = Json(await _project.RunAsync("diff", "churn@1", "churn@2", "--with-data", "--repo", _project.Root, "--salt-key", _project.SaltKey, "--json"));

        var changes = diff.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(
        [
            ("code", "etl/clean-customers", true),
            ("data", "file://lake/customers", true),
            ("data", "file://lake/customers-clean", false),
            ("parameter", "ml/train-churn", false),
            ("metric", "churn@2", false),
        ], changes.Select(c => (c.GetProperty("kind").GetString(), c.GetProperty("subject").GetString(), c.GetProperty("rootCause").GetBoolean())));

        var code = changes[0].GetProperty("code");
        var file = Assert.Single(code.GetProperty("files").EnumerateArray());
        Assert.Equal(("clean.py", "modified", 2, 1), (file.GetProperty("path").GetString(), file.GetProperty("kind").GetString(), file.GetProperty("linesAdded").GetInt32(), file.GetProperty("linesDeleted").GetInt32()));
        Assert.Equal("Clamp scores when cleaning", Assert.Single(code.GetProperty("commitsAdded").EnumerateArray()).GetProperty("subject").GetString());

        var source = changes[1].GetProperty("data");
        Assert.Equal(["email"], source.GetProperty("columnsRemoved").EnumerateArray().Select(c => c.GetString()));
        var rows = source.GetProperty("rows");
        Assert.Equal((1000L, 0L, 0L), (rows.GetProperty("changed").GetInt64(), rows.GetProperty("added").GetInt64(), rows.GetProperty("removed").GetInt64()));

        var parameter = changes[3].GetProperty("value");
        Assert.Equal(("learning_rate", "0.05", "0.01"), (parameter.GetProperty("key").GetString(), parameter.GetProperty("from").GetString(), parameter.GetProperty("to").GetString()));
        var accuracy = changes[4].GetProperty("metric");
        Assert.Equal(("accuracy", 0.91, 0.84), (accuracy.GetProperty("name").GetString(), accuracy.GetProperty("from").GetDouble(), accuracy.GetProperty("to").GetDouble()));
        Assert.Empty(diff.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task DiffJson_MatchesTheApprovedDocument()
    {
        // The JSON is a public contract: a change to it must show up as a diff of this file.
        var (exitCode, output, error) = await _project.RunAsync("diff", "churn@1", "churn@2", "--with-data", "--repo", _project.Root, "--salt-key", _project.SaltKey, "--json");
        var approved = Path.Combine(AppContext.BaseDirectory, "Cli", "Approved", "diff-churn.json");

        Assert.True(exitCode == 0, error);
        if (!File.Exists(approved) || await File.ReadAllTextAsync(approved) != output)
        {
            // Beside the approved copy in the build output, for review and, if right, copying into the source tree.
            await File.WriteAllTextAsync(Path.ChangeExtension(approved, ".received.json"), output);
        }
        Assert.True(File.Exists(approved), $"no approved document {approved}; received:\n{output}");
        Assert.Equal(await File.ReadAllTextAsync(approved), output);
    }

    [Fact]
    public async Task Diff_Summary_NamesTheRootCausesFirst()
    {
        var (exitCode, output, error) = await _project.RunAsync("diff", "churn@1", "churn@2", "--repo", _project.Root);

        Assert.True(exitCode == 0, error);
        var lines = output.Split('\n');
        Assert.StartsWith("model_version:churn|1 → model_version:churn|2: 5 changes, 2 root causes", lines[0], StringComparison.Ordinal);
        Assert.Equal("root causes", lines[1]);
        Assert.StartsWith("  code etl/clean-customers: clean.py modified (+2 −1); 1 commit, latest \"Clamp scores when cleaning\"", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("  data file://lake/customers: ", lines[3], StringComparison.Ordinal);
        Assert.Contains("column email dropped", lines[3], StringComparison.Ordinal);
        Assert.Equal("consequences", lines[4]);
    }

    [Fact]
    public async Task Diff_OfAModelVersionWithItself_IsEmpty()
    {
        var diff = Json(await _project.RunAsync("diff", "churn@2", "model_version:churn|2", "--json"));

        Assert.True(diff.GetProperty("empty").GetBoolean());
        Assert.Empty(diff.GetProperty("changes").EnumerateArray());
    }

    [Fact]
    public async Task Diff_BeyondTheDepthGiven_SaysItWasTruncated()
    {
        var (exitCode, output, _) = await _project.RunAsync("diff", "churn@1", "churn@2", "--depth", "1");

        Assert.Equal(0, exitCode);
        Assert.Contains("TRUNCATED", output, StringComparison.Ordinal);
        Assert.Contains("warning: the to side's lineage was cut by the depth budget", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiffHtml_DrawsBothLineagesAsSvg_WithTheRootCausesHighlighted_AndNoScript()
    {
        var report = Path.Combine(_project.Root, "report.html");

        var (exitCode, _, error) = await _project.RunAsync("diff", "churn@1", "churn@2", "--html", report);
        var html = await File.ReadAllTextAsync(report);

        Assert.True(exitCode == 0, error);
        Assert.Equal(2, html.Split("<svg ").Length - 1);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        // Root causes are filled red on the newer side: the source version and the cleaning run's commit.
        Assert.Equal(2, html.Split("fill=\"#f8b4b4\"").Length - 1 - CountOnOlderSide(html, "fill=\"#f8b4b4\""));
        Assert.Contains("<tr class=\"root\"><td>code</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diff_OfDifferentKinds_IsRefusedAsInvalidInput()
    {
        var (exitCode, _, error) = await _project.RunAsync("diff", "churn@1", "00000000-0000-4000-8000-000000000001");

        Assert.Equal(2, exitCode);
        Assert.Contains("cannot diff model_version:churn|1 against run:00000000-0000-4000-8000-000000000001: a model_version is compared only with another model_version, not with a run", error, StringComparison.Ordinal);
    }

    private static int CountOnOlderSide(string html, string marker)
    {
        var older = html[..html.IndexOf("<h2>to ", StringComparison.Ordinal)];
        return older.Split(marker).Length - 1;
    }

    private static JsonElement Json((int ExitCode, string Out, string Error) result)
    {
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Error}");
        return JsonDocument.Parse(result.Out).RootElement.Clone();
    }

    /// <summary>The project is built once for the class: registering four runs takes a few seconds.</summary>
    public sealed class Scenario : IAsyncLifetime, IDisposable
    {
        public ChurnProject Project { get; } = new();

        public Task InitializeAsync() => Project.BuildAsync();

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => Project.Dispose();
    }
}

using LineageHub.Storage.Neo4j.Cypher;

namespace LineageHub.Storage.Neo4j.Tests.Cypher;

/// <summary>Every Cypher statement in schema/neo4j passes Neo4j's own linter, its parameters declared.</summary>
public sealed class CypherLintTests
{
    private const string Broken = "broken/";

    // The schema's files and the deliberately broken statements are linted in one run: the linter's
    // start-up is seconds, and both tests read the same answers.
    private static readonly Lazy<(List<string> Files, Dictionary<string, List<CypherLinter.Diagnostic>> Results)> Linted = new(() =>
    {
        var files = Directory.GetFiles(CypherLinter.SchemaFolder, "*.cypher", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(CypherLinter.SchemaFolder, f)).Order(StringComparer.Ordinal).ToList();
        var statements = files.Select(f =>
        {
            var text = File.ReadAllText(Path.Combine(CypherLinter.SchemaFolder, f));
            return (f, text, CypherCatalog.DeclaredParameters(text));
        }).Concat(
        [
            (Broken + "syntax", "MATCH (n:Node {id: $id} RETURN n", new Dictionary<string, string> { ["id"] = "STRING" }),
            (Broken + "undeclared parameter", "MATCH (n:Node {id: $id}) RETURN n.props AS props", new Dictionary<string, string>()),
            (Broken + "undefined variable", "MATCH (n:Node {id: $id}) RETURN m.props AS props", new Dictionary<string, string> { ["id"] = "STRING" }),
        ]);
        return (files, CypherLinter.Lint(statements));
    });

    [Fact]
    public void EveryStatementFile_PassesTheLinter_WithNoErrorOrWarning()
    {
        var (files, results) = Linted.Value;
        Assert.True(files.Count >= CypherCatalog.All.Count + CypherCatalog.Migrations().Count, $"expected every statement file under {CypherLinter.SchemaFolder}");

        var problems = files.Where(f => results[f].Count > 0).Select(f => $"{f}:\n  {string.Join("\n  ", results[f])}").ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void BrokenStatements_AreReported_SoTheLintCannotPassSilently()
    {
        var results = Linted.Value.Results;

        Assert.Contains(results[Broken + "syntax"], d => d.Severity == 1);
        Assert.Contains(results[Broken + "undeclared parameter"], d => d.Severity == 1 && d.Message.Contains("$id", StringComparison.Ordinal));
        Assert.Contains(results[Broken + "undefined variable"], d => d.Severity == 1 && d.Message.Contains('m', StringComparison.Ordinal));
    }

    [Fact]
    public void TheAdaptersEmbeddedStatements_AreTheFilesInSchema()
    {
        foreach (var statement in CypherCatalog.All.Values)
        {
            var file = Path.Combine(CypherLinter.SchemaFolder, "queries", statement.Name + ".cypher");
            Assert.Equal(File.ReadAllText(file), statement.Text);
        }
        Assert.Equal(
            Directory.GetFiles(Path.Combine(CypherLinter.SchemaFolder, "queries"), "*.cypher").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal),
            CypherCatalog.All.Keys.Order(StringComparer.Ordinal));
    }
}

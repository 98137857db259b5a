using LineageHub.Storage.Neo4j.Cypher;

namespace LineageHub.Storage.Neo4j.Tests.Cypher;

/// <summary>Every Cypher statement in schema/neo4j passes Neo4j's own linter, its parameters declared.</summary>
public sealed class CypherLintTests
{
    [Fact]
    public void EveryStatementFile_PassesTheLinter_WithNoErrorOrWarning()
    {
        var files = Directory.GetFiles(CypherLinter.SchemaFolder, "*.cypher", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(files.Count >= CypherCatalog.All.Count + CypherCatalog.Migrations().Count, $"expected every statement file under {CypherLinter.SchemaFolder}");

        var results = CypherLinter.Lint(files.Select(f =>
        {
            var text = File.ReadAllText(f);
            return (Path.GetRelativePath(CypherLinter.SchemaFolder, f), text, CypherCatalog.DeclaredParameters(text));
        }));

        var problems = results.Where(r => r.Value.Count > 0).Select(r => $"{r.Key}:\n  {string.Join("\n  ", r.Value)}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(files.Count, results.Count);
    }

    [Fact]
    public void BrokenStatements_AreReported_SoTheLintCannotPassSilently()
    {
        var results = CypherLinter.Lint(
        [
            ("syntax", "MATCH (n:Node {id: $id} RETURN n", new Dictionary<string, string> { ["id"] = "STRING" }),
            ("undeclared parameter", "MATCH (n:Node {id: $id}) RETURN n.props AS props", new Dictionary<string, string>()),
            ("undefined variable", "MATCH (n:Node {id: $id}) RETURN m.props AS props", new Dictionary<string, string> { ["id"] = "STRING" }),
        ]);

        Assert.Contains(results["syntax"], d => d.Severity == 1);
        Assert.Contains(results["undeclared parameter"], d => d.Severity == 1 && d.Message.Contains("$id", StringComparison.Ordinal));
        Assert.Contains(results["undefined variable"], d => d.Severity == 1 && d.Message.Contains('m', StringComparison.Ordinal));
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

using System.Text.Json;
using System.Text.Json.Nodes;
using LineageHub.Testing;

namespace LineageHub.Storage.Neo4j.Tests.Cypher;

/// <summary>
/// Neo4j's own Cypher linter (<c>lintCypherQuery</c> of @neo4j-cypher/language-support, pinned in
/// cypher-lint/package.json and its lock file), run by cypher-lint/lint.mjs under Node; the package is
/// installed with <c>npm ci</c> on first use, so a fresh clone needs only Node and npm.
/// </summary>
internal static class CypherLinter
{
    private static readonly NodePackageFolder Packages = new("tests/LineageHub.Storage.Neo4j.Tests/cypher-lint", "@neo4j-cypher/language-support", "The Cypher lint");

    public static string Folder => Packages.Path;

    /// <summary>The repository's schema/neo4j folder.</summary>
    public static string SchemaFolder { get; } = Path.GetFullPath(Path.Combine(Folder, "..", "..", "..", "schema", "neo4j"));

    public sealed record Diagnostic(int Severity, int Line, int Column, string Message)
    {
        public override string ToString() => $"{(Severity == 1 ? "error" : "warning")} at {Line}:{Column}: {Message}";
    }

    /// <summary>Lints each (name, text, parameters) and returns every diagnostic, by name.</summary>
    public static Dictionary<string, List<Diagnostic>> Lint(IEnumerable<(string Name, string Text, IReadOnlyDictionary<string, string> Parameters)> statements)
    {
        Packages.EnsureInstalled();
        var inputs = statements.Select(statement =>
        {
            var samples = new JsonObject();
            foreach (var (parameter, type) in statement.Parameters)
            {
                samples[parameter] = SampleOf(type);
            }
            return (JsonNode)new JsonObject { ["name"] = statement.Name, ["text"] = statement.Text, ["parameters"] = samples };
        }).ToList();
        // The linter takes most of a second per statement: one Node process per core, in parallel.
        var groups = inputs.Select((input, i) => (input, i)).GroupBy(p => p.i % Math.Max(1, Environment.ProcessorCount), p => p.input);
        var results = new List<LintResult>();
        Parallel.ForEach(groups, group =>
        {
            var (code, stdout, stderr) = Packages.Exec("node", "lint.mjs", new JsonArray([.. group]).ToJsonString(), TimeSpan.FromMinutes(2));
            if (code != 0)
            {
                throw new InvalidOperationException($"the Cypher linter failed ({code}): {stderr}");
            }
            var parsed = JsonSerializer.Deserialize<List<LintResult>>(stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
            lock (results)
            {
                results.AddRange(parsed);
            }
        });
        return results.ToDictionary(r => r.Name, r => r.Diagnostics);
    }

    // The linter knows a parameter as declared when the schema gives it a value; one of the declared type.
    private static JsonNode? SampleOf(string type) => type.Split('|')[0].Trim() switch
    {
        "STRING" => "",
        "INTEGER" => 0,
        "BOOLEAN" => false,
        "LIST<STRING>" => new JsonArray(""),
        "LIST<MAP>" => new JsonArray(new JsonObject()),
        _ => throw new InvalidOperationException($"unknown declared parameter type '{type}': add a sample for it here"),
    };

    private sealed record LintResult(string Name, List<Diagnostic> Diagnostics);
}

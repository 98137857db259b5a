using System.Text.RegularExpressions;

namespace LineageHub.Storage.Neo4j.Cypher;

/// <summary>
/// The adapter's Cypher, loaded from the files of schema/neo4j embedded in this assembly: no statement
/// is built from strings in code, so every one can be reviewed and linted in one place.
/// </summary>
public static partial class CypherCatalog
{
    private const string QueryPrefix = "queries/";
    private const string MigrationPrefix = "migrations/";

    private static readonly Lazy<IReadOnlyDictionary<string, CypherStatement>> Queries = new(LoadQueries);

    /// <summary>Every named query statement, by file name without extension.</summary>
    public static IReadOnlyDictionary<string, CypherStatement> All => Queries.Value;

    /// <summary>The statement in <c>schema/neo4j/queries/NAME.cypher</c>.</summary>
    public static CypherStatement Get(string name) =>
        All.TryGetValue(name, out var statement) ? statement : throw new KeyNotFoundException($"no Cypher statement schema/neo4j/queries/{name}.cypher");

    /// <summary>The migrations in name order, each as its statements (split at a ';' ending a line).</summary>
    public static IReadOnlyList<(string Name, IReadOnlyList<CypherStatement> Statements)> Migrations()
    {
        var assembly = typeof(CypherCatalog).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(MigrationPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[MigrationPrefix.Length..], (IReadOnlyList<CypherStatement>)SplitStatements(n[MigrationPrefix.Length..], Read(n))))];
    }

    /// <summary>Reads a statement file's declared parameters: lines <c>// @param NAME TYPE</c>.</summary>
    public static IReadOnlyDictionary<string, string> DeclaredParameters(string text) =>
        ParamLine().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim(), StringComparer.Ordinal);

    private static List<CypherStatement> SplitStatements(string file, string text)
    {
        var statements = new List<CypherStatement>();
        var current = new List<string>();
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.Length == 0)
            {
                continue;
            }
            current.Add(trimmed.EndsWith(';') ? trimmed[..^1] : trimmed);
            if (trimmed.EndsWith(';'))
            {
                statements.Add(new CypherStatement($"{file}#{statements.Count + 1}", string.Join('\n', current), new Dictionary<string, string>()));
                current.Clear();
            }
        }
        if (current.Count > 0)
        {
            statements.Add(new CypherStatement($"{file}#{statements.Count + 1}", string.Join('\n', current), new Dictionary<string, string>()));
        }
        return statements;
    }

    private static Dictionary<string, CypherStatement> LoadQueries()
    {
        var assembly = typeof(CypherCatalog).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(QueryPrefix, StringComparison.Ordinal) && n.EndsWith(".cypher", StringComparison.Ordinal))
            .Select(n =>
            {
                var text = Read(n);
                return new CypherStatement(n[QueryPrefix.Length..^".cypher".Length], text, DeclaredParameters(text));
            })
            .ToDictionary(s => s.Name, StringComparer.Ordinal);
    }

    private static string Read(string resource)
    {
        using var stream = typeof(CypherCatalog).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"^//\s*@param\s+(\w+)\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex ParamLine();
}

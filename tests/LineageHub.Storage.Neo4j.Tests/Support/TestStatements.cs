using LineageHub.Storage.Neo4j.Cypher;

namespace LineageHub.Storage.Neo4j.Tests.Support;

/// <summary>The test-only statements of schema/neo4j/testing, embedded in this assembly (never in the adapter's).</summary>
public static class TestStatements
{
    public static CypherStatement WipeDatabase { get; } = Load("wipe_database");

    private static CypherStatement Load(string name)
    {
        using var stream = typeof(TestStatements).Assembly.GetManifestResourceStream($"testing/{name}.cypher")!;
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        return new CypherStatement(name, text, CypherCatalog.DeclaredParameters(text));
    }
}

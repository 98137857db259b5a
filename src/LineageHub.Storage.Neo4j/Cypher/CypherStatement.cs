namespace LineageHub.Storage.Neo4j.Cypher;

/// <summary>
/// One reviewed Cypher statement from schema/neo4j: its file name, its text, and the parameters its
/// <c>// @param NAME TYPE</c> lines declare. A statement is sent only with exactly those parameters.
/// </summary>
public sealed record CypherStatement(string Name, string Text, IReadOnlyDictionary<string, string> Parameters)
{
    /// <summary>Throws when <paramref name="given"/> names other parameters than the statement declares: a bug of ours, caught before it reaches Neo4j.</summary>
    public void CheckParameters(IReadOnlyDictionary<string, object?>? given)
    {
        var names = given?.Keys ?? (IEnumerable<string>)[];
        if (!Parameters.Keys.ToHashSet().SetEquals(names))
        {
            throw new InvalidOperationException(
                $"statement {Name} declares parameters [{string.Join(", ", Parameters.Keys.Order())}] but was given [{string.Join(", ", names.Order())}]");
        }
    }

    public override string ToString() => Name;
}

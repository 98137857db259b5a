namespace LineageHub.Cli;

/// <summary>Which store a verb opens: the embedded SQLite file, or a Neo4j server.</summary>
public enum StoreKind
{
    Sqlite,
    Neo4j,
}

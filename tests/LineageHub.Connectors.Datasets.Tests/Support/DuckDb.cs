namespace LineageHub.Connectors.Datasets.Tests.Support;

/// <summary>DuckDB from the pinned <c>@duckdb/node-api</c> package in this project's duckdb folder (installed with npm ci on first use).</summary>
public static class DuckDb
{
    private static readonly Lazy<string> Folder = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void Execute(string sql)
    {
        var file = Path.Combine(Path.GetTempPath(), $"lineagehub-duckdb-{Guid.NewGuid():N}.sql");
        File.WriteAllText(file, sql);
        try
        {
            Processes.Check("node", Folder.Value, "exec.mjs", file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Install()
    {
        var folder = Path.Combine(SourceTree.ProjectFolder, "duckdb");
        if (!File.Exists(Path.Combine(folder, "node_modules", "@duckdb", "node-api", "package.json")))
        {
            Processes.Check("npm", folder, "ci", "--no-audit", "--no-fund");
        }
        return folder;
    }
}

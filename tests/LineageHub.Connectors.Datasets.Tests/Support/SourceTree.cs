namespace LineageHub.Connectors.Datasets.Tests.Support;

/// <summary>Finds this test project's folder in the source tree (its scripts and the DuckDB package live there).</summary>
public static class SourceTree
{
    public static string ProjectFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "LineageHub.Connectors.Datasets.Tests.csproj")))
                {
                    return dir.FullName;
                }
            }
            throw new InvalidOperationException($"the test project's folder was not found above {AppContext.BaseDirectory}");
        }
    }

    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(ProjectFolder, "..", ".."));
}

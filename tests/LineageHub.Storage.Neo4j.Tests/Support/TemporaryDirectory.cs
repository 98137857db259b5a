namespace LineageHub.Storage.Neo4j.Tests.Support;

/// <summary>A folder that is removed when the test ends (here: the signing key's folder).</summary>
public sealed class TemporaryDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("lineagehub-neo4j-test-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
    }
}

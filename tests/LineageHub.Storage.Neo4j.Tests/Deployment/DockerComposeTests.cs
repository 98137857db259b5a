using LineageHub.Storage.Neo4j.Tests.Support;

namespace LineageHub.Storage.Neo4j.Tests.Deployment;

/// <summary>docker-compose.yml is a valid compose file that wires LineageHub to Neo4j as the README says.</summary>
public sealed class DockerComposeTests : IDisposable
{
    private readonly TemporaryDirectory _scratch = new();

    [DockerComposeFact]
    public void ComposeFile_PassesDockerComposeConfig_WithTheStackWiredAsDocumented()
    {
        var (code, config, stderr) = DockerCompose.Config(Path.Combine(DockerCompose.Root, "docker-compose.yml"), new Dictionary<string, string> { ["NEO4J_PASSWORD"] = "a-test-password" });

        Assert.True(code == 0, stderr);
        Assert.Contains("image: " + Neo4jTarget.Image, config, StringComparison.Ordinal);
        Assert.Contains("condition: service_healthy", config, StringComparison.Ordinal);
        Assert.Contains("QUERY_API_ENDPOINTS", config, StringComparison.Ordinal);
        Assert.Contains("127.0.0.1:5080:5080", config, StringComparison.Ordinal);
        Assert.Contains("LINEAGEHUB_NEO4J_URL: http://neo4j:7474", config, StringComparison.Ordinal);
        Assert.Contains("dockerfile: src/LineageHub/Dockerfile", config, StringComparison.Ordinal);
        // The one password reaches both services.
        Assert.Contains("NEO4J_AUTH: neo4j/a-test-password", config, StringComparison.Ordinal);
        Assert.Contains("LINEAGEHUB_NEO4J_PASSWORD: a-test-password", config, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(DockerCompose.Root, "src", "LineageHub", "Dockerfile")));
    }

    [DockerComposeFact]
    public void BrokenComposeFile_FailsDockerComposeConfig_SoTheCheckCannotPassSilently()
    {
        var broken = Path.Combine(_scratch.Path, "docker-compose.yml");
        File.WriteAllText(broken, "services:\n  web:\n    image: nginx\n    depends_on:\n      db:\n        condition: when_it_feels_like_it\n    ports: 5080\n");

        var (code, _, _) = DockerCompose.Config(broken);

        Assert.NotEqual(0, code);
    }

    public void Dispose() => _scratch.Dispose();
}

namespace LineageHub.Storage.Neo4j.Tests.Deployment;

/// <summary>A fact that needs the docker-compose command (.ci/run installs it); skipped, saying so, where it is missing.</summary>
public sealed class DockerComposeFactAttribute : FactAttribute
{
    public DockerComposeFactAttribute()
    {
        Skip = DockerCompose.Path is null ? "docker-compose is not on PATH (.ci/run installs Debian's docker-compose package)" : null;
    }
}

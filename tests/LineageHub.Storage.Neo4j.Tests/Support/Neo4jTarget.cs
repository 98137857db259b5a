using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace LineageHub.Storage.Neo4j.Tests.Support;

/// <summary>
/// The Neo4j the integration tests run against: the server named by <c>LINEAGEHUB_NEO4J_URL</c>
/// (with <c>LINEAGEHUB_NEO4J_USER</c>, <c>LINEAGEHUB_NEO4J_PASSWORD</c>, <c>LINEAGEHUB_NEO4J_DATABASE</c>),
/// else a throw-away container started through Testcontainers where a Docker engine is reachable,
/// else none — and then the tests are skipped, saying why.
/// </summary>
public static class Neo4jTarget
{
    /// <summary>The image the container tests use: the same Neo4j as docker-compose.yml.</summary>
    public const string Image = "neo4j:5.26.2-community";

    private const string ContainerPassword = "lineagehub-test";

    private static readonly Lazy<Task<Neo4jConnectionOptions>> Connection = new(ConnectAsync);

    /// <summary>Null when a Neo4j can be had; otherwise why the tests that need one are skipped.</summary>
    public static string? SkipReason { get; } = FindSkipReason();

    public static Task<Neo4jConnectionOptions> ConnectionAsync() => Connection.Value;

    private static string? FindSkipReason()
    {
        if (Environment.GetEnvironmentVariable("LINEAGEHUB_NEO4J_URL") is { Length: > 0 })
        {
            return null;
        }
        if (DockerEngineReachable())
        {
            return null;
        }
        return "no Neo4j to test against: set LINEAGEHUB_NEO4J_URL (and LINEAGEHUB_NEO4J_USER, LINEAGEHUB_NEO4J_PASSWORD) "
            + $"to a Neo4j 5.26 server, or run where a Docker engine is reachable so Testcontainers starts {Image}";
    }

    // An engine that answers, not merely a socket file left behind by a stopped one.
    private static bool DockerEngineReachable()
    {
        if (Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 })
        {
            return true;
        }
        const string socket = "/var/run/docker.sock";
        if (!File.Exists(socket))
        {
            return false;
        }
        try
        {
            using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
            probe.Connect(new System.Net.Sockets.UnixDomainSocketEndPoint(socket));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private static async Task<Neo4jConnectionOptions> ConnectAsync()
    {
        if (Environment.GetEnvironmentVariable("LINEAGEHUB_NEO4J_URL") is { Length: > 0 } url)
        {
            return new Neo4jConnectionOptions(new Uri(url), Environment.GetEnvironmentVariable("LINEAGEHUB_NEO4J_DATABASE") is { Length: > 0 } db ? db : "neo4j")
            {
                User = Environment.GetEnvironmentVariable("LINEAGEHUB_NEO4J_USER"),
                Password = Environment.GetEnvironmentVariable("LINEAGEHUB_NEO4J_PASSWORD"),
            };
        }
        IContainer container = new ContainerBuilder(Image)
            .WithEnvironment("NEO4J_AUTH", $"neo4j/{ContainerPassword}")
            .WithEnvironment("NEO4J_server_http__enabled__modules", "TRANSACTIONAL_ENDPOINTS,UNMANAGED_EXTENSIONS,BROWSER,QUERY_API_ENDPOINTS")
            .WithPortBinding(7474, assignRandomHostPort: true)
            .WithWaitStrategy(Wait.ForUnixContainer().UntilHttpRequestIsSucceeded(request => request.ForPort(7474).ForPath("/")))
            .WithCleanUp(true)
            .Build();
        await container.StartAsync().ConfigureAwait(false);
        return new Neo4jConnectionOptions(new Uri($"http://{container.Hostname}:{container.GetMappedPublicPort(7474)}"))
        {
            User = "neo4j",
            Password = ContainerPassword,
        };
    }
}

namespace LineageHub.Storage.Neo4j;

/// <summary>Where the Neo4j server is and how to talk to it: its HTTP URL, database and credentials, and the retry budget.</summary>
public sealed record Neo4jConnectionOptions
{
    /// <summary>The delays between attempts of a request that failed transiently (its count is the number of retries).</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    public Neo4jConnectionOptions(Uri url, string database = "neo4j")
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"the Neo4j URL must be http(s), such as http://127.0.0.1:7474, got '{url}'", nameof(url));
        }
        Url = url;
        Database = database;
    }

    /// <summary>The HTTP endpoint of the Neo4j server (port 7474 by default), without a path.</summary>
    public Uri Url { get; }

    public string Database { get; }

    public string? User { get; init; }

    public string? Password { get; init; }

    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = DefaultRetryDelays;

    /// <summary>How long one HTTP request may take before it counts as a transient failure.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);
}

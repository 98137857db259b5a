using LineageHub.Storage.Neo4j.Cypher;

namespace LineageHub.Storage.Neo4j.Http;

/// <summary>
/// An open explicit transaction. Disposing one that was neither committed nor rolled back rolls it
/// back (best effort: Neo4j also drops it when it expires).
/// </summary>
public sealed class QueryApiTransaction : IAsyncDisposable
{
    private readonly QueryApiClient _client;
    private readonly string _path;
    private readonly string? _affinity;
    private bool _finished;

    internal QueryApiTransaction(QueryApiClient client, string path, string? affinity)
    {
        _client = client;
        _path = path;
        _affinity = affinity;
    }

    /// <summary>The transaction's path, <c>/db/DB/query/v2/tx/ID</c>.</summary>
    public string Path => _path;

    public async Task<QueryResult> RunAsync(CypherStatement statement, IReadOnlyDictionary<string, object?>? parameters = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(statement);
        statement.CheckParameters(parameters);
        return (await _client.SendAsync(HttpMethod.Post, _path, QueryApiClient.Body(statement, parameters), _affinity, cancellationToken).ConfigureAwait(false)).Result;
    }

    /// <summary>Commits. A failure with no response leaves it unknown whether the commit happened: the caller must find out before writing again.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        _finished = true;
        await _client.SendAsync(HttpMethod.Post, $"{_path}/commit", null, _affinity, cancellationToken).ConfigureAwait(false);
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        if (_finished)
        {
            return;
        }
        _finished = true;
        await _client.SendAsync(HttpMethod.Delete, _path, null, _affinity, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_finished)
        {
            return;
        }
        try
        {
            await RollbackAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (QueryApiException)
        {
            // Nothing to do: an open transaction that cannot be reached expires on the server.
        }
    }
}

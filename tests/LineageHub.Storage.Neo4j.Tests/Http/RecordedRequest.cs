using System.Text.Json.Nodes;

namespace LineageHub.Storage.Neo4j.Tests.Http;

/// <summary>One request the fake Query API received: what the tests check our client sent.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string? Authorization,
    string? Accept,
    string? ContentType,
    string? Affinity,
    JsonObject? Body,
    string? StatementName)
{
    public bool InTransaction => Path.Contains("/tx/", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Path} {StatementName}";
}

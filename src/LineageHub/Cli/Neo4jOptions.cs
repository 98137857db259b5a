using System.CommandLine;
using LineageHub.Core;
using LineageHub.Storage.Neo4j;

namespace LineageHub.Cli;

/// <summary>
/// How to reach Neo4j, the same on every verb that opens a store: <c>--neo4j-url</c>,
/// <c>--neo4j-database</c>, <c>--neo4j-user</c>, <c>--neo4j-password-file</c>, each defaulting to its
/// <c>LINEAGEHUB_NEO4J_*</c> variable. A password is read from a file (or <c>$LINEAGEHUB_NEO4J_PASSWORD</c>)
/// so it never shows in a process list.
/// </summary>
public sealed class Neo4jOptions
{
    public const string DefaultDatabase = "neo4j";

    public Option<string?> Url { get; } = new("--neo4j-url") { Description = "Neo4j's HTTP URL, e.g. http://127.0.0.1:7474 (default: $LINEAGEHUB_NEO4J_URL)" };

    public Option<string?> Database { get; } = new("--neo4j-database") { Description = $"The Neo4j database (default: $LINEAGEHUB_NEO4J_DATABASE or {DefaultDatabase})" };

    public Option<string?> User { get; } = new("--neo4j-user") { Description = "The Neo4j user (default: $LINEAGEHUB_NEO4J_USER)" };

    public Option<string?> PasswordFile { get; } = new("--neo4j-password-file") { Description = "A file holding the Neo4j password (default: $LINEAGEHUB_NEO4J_PASSWORD_FILE, or the password in $LINEAGEHUB_NEO4J_PASSWORD)" };

    public void AddTo(Command command)
    {
        command.Add(Url);
        command.Add(Database);
        command.Add(User);
        command.Add(PasswordFile);
    }

    public Neo4jConnectionOptions Connection(ParseResult parse)
    {
        var url = parse.GetValue(Url) ?? Environment.GetEnvironmentVariable("LINEAGEHUB_NEO4J_URL");
        if (string.IsNullOrEmpty(url))
        {
            throw LineageHubException.InvalidInput("the neo4j store needs --neo4j-url (or $LINEAGEHUB_NEO4J_URL), e.g. http://127.0.0.1:7474");
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw LineageHubException.InvalidInput($"--neo4j-url must be Neo4j's http(s) URL such as http://127.0.0.1:7474, got '{url}'");
        }
        return new Neo4jConnectionOptions(uri, Value(parse, Database, "LINEAGEHUB_NEO4J_DATABASE") ?? DefaultDatabase)
        {
            User = Value(parse, User, "LINEAGEHUB_NEO4J_USER"),
            Password = Password(parse),
        };
    }

    private string? Password(ParseResult parse)
    {
        if (Value(parse, PasswordFile, "LINEAGEHUB_NEO4J_PASSWORD_FILE") is { } file)
        {
            if (!File.Exists(file))
            {
                throw LineageHubException.NotFound($"no Neo4j password file {Path.GetFullPath(file)}");
            }
            // One trailing newline is how editors and secret mounts end a file; it is not part of the password.
            return File.ReadAllText(file).TrimEnd('\r', '\n');
        }
        return Environment.GetEnvironmentVariable("LINEAGEHUB_NEO4J_PASSWORD") is { Length: > 0 } password ? password : null;
    }

    private static string? Value(ParseResult parse, Option<string?> option, string variable) =>
        parse.GetValue(option) ?? (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
}

using System.CommandLine;
using LineageHub.Api.Contracts;
using LineageHub.Client;
using LineageHub.Core;
using LineageHub.Security;

namespace LineageHub.Cli;

/// <summary>
/// <c>lineagehub keys create|list|revoke</c>: the API keys of a data folder, which a running server picks up
/// at its next request, or, with <c>--server</c>, of a running server through its API with an admin key.
/// </summary>
public sealed class KeysCommands : ICliVerb
{
    public int Order => 100;

    public Command Build()
    {
        var keys = new Command("keys", "Manage the server's API keys (stored as hashes; a key is shown once, when created).");
        keys.Add(Create());
        keys.Add(List());
        keys.Add(Revoke());
        return keys;
    }

    private static Option<string?> DataOption() =>
        new("--data") { Description = $"The server's data folder (default: $LINEAGEHUB_DATA or ./{StoreOptions.DefaultDataDirectory})" };

    private static Option<string?> ServerOption() =>
        new("--server") { Description = $"A running server whose keys to manage, with an admin key in ${RemoteLineageService.ApiKeyVariable} (default: $LINEAGEHUB_SERVER unless --data is given)" };

    // --server (or $LINEAGEHUB_SERVER) means the server's API, unless a data folder is named explicitly.
    private static RemoteApiKeys? Remote(ParseResult parse, Option<string?> data, Option<string?> server)
    {
        var given = parse.GetValue(server);
        if (given is not null && parse.GetValue(data) is not null)
        {
            throw LineageHubException.InvalidInput("give --data or --server, not both");
        }
        var url = StoreOptions.ServerUrl(given ?? (parse.GetValue(data) is null ? Environment.GetEnvironmentVariable("LINEAGEHUB_SERVER") : null));
        return url is null ? null : new RemoteApiKeys(url);
    }

    private static Command Create()
    {
        var data = DataOption();
        var role = new Option<string>("--role") { Description = "reader or auditor (read), writer (read and register), admin (everything, and keys)", Required = true };
        var name = new Option<string?>("--name") { Description = "Who or what the key is for, recorded as the author of its writes" };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON" };
        var server = ServerOption();
        var command = new Command("create", "Create an API key and print it; it is not shown again.") { role, name, data, server, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var apiRole = ApiRoles.Parse(parse.GetValue(role));
            CreatedApiKeyJson created;
            using (var remote = Remote(parse, data, server))
            {
                if (remote is not null)
                {
                    created = await remote.CreateAsync(ApiPrincipal.RoleName(apiRole), parse.GetValue(name), cancellationToken);
                }
                else
                {
                    var (record, key) = ApiKeyStore.Open(StoreOptions.DataDirectory(parse.GetValue(data))).Create(apiRole, parse.GetValue(name));
                    created = new CreatedApiKeyJson(record.Id, ApiPrincipal.RoleName(record.Role), record.Name, record.CreatedAt, key);
                }
            }
            Output.Print(parse.GetValue(json), created, c => $"{c.Key}\n(key {c.Id}, role {c.Role}; store it now: it is not shown again)");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command List()
    {
        var data = DataOption();
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON" };
        var server = ServerOption();
        var command = new Command("list", "List the API keys (ids, roles, names, times; never the keys).") { data, server, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            List<ApiKeyJson> keys;
            using (var remote = Remote(parse, data, server))
            {
                keys = remote is not null
                    ? await remote.ListAsync(cancellationToken)
                    : ApiKeyStore.Open(StoreOptions.DataDirectory(parse.GetValue(data))).List().Select(ApiKeyJson.From).ToList();
            }
            Output.Print(parse.GetValue(json), keys, list => list.Count == 0
                ? "no API keys: access on loopback is open"
                : string.Join('\n', list.Select(k => $"{k.Id}  {k.Role,-7}  {(k.RevokedAt is null ? "active " : "revoked")}  {k.CreatedAt:O}  {k.Name}")));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Revoke()
    {
        var data = DataOption();
        var id = new Argument<string>("id") { Description = "The key's id, as keys list prints it" };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON" };
        var server = ServerOption();
        var command = new Command("revoke", "Revoke an API key; a running server refuses it from its next request.") { id, data, server, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            ApiKeyJson revoked;
            using (var remote = Remote(parse, data, server))
            {
                revoked = remote is not null
                    ? await remote.RevokeAsync(parse.GetValue(id)!, cancellationToken)
                    : ApiKeyJson.From(ApiKeyStore.Open(StoreOptions.DataDirectory(parse.GetValue(data))).Revoke(parse.GetValue(id)!));
            }
            Output.Print(parse.GetValue(json), revoked, k => $"revoked key {k.Id} ({k.Role})");
            return ExitCodes.Ok;
        });
        return command;
    }
}

using System.CommandLine;
using System.Text.Json.Serialization;
using LineageHub.Core;
using LineageHub.Core.Storage;

namespace LineageHub.Cli;

/// <summary>
/// <c>lineagehub migrate --from sqlite --to neo4j</c> (and back): copies a store by replaying its ledger
/// entry by entry into an empty store, each with its original time, then checks that both ledgers end at
/// the same size and Merkle root. The tree heads are signed with the signing key in --data for both
/// stores, so the copy's heads verify with the same public key; their signatures differ (ECDSA signatures
/// are randomised), their signed contents — size, root, time of the last entry — do not.
/// </summary>
public sealed class MigrateCommand : ICliVerb
{
    public int Order => 60;

    public Command Build()
    {
        var from = new Option<StoreKind>("--from") { HelpName = "sqlite|neo4j", Description = "The store to copy: sqlite or neo4j", Required = true };
        var to = new Option<StoreKind>("--to") { HelpName = "sqlite|neo4j", Description = "The empty store to fill: neo4j or sqlite", Required = true };
        var data = new Option<string?>("--data") { Description = $"The SQLite store's folder, and the signing key's for both (default: $LINEAGEHUB_DATA or ./{StoreOptions.DefaultDataDirectory})" };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON" };
        var neo4j = new Neo4jOptions();
        var command = new Command("migrate", "Copy a store into another (SQLite to Neo4j or back) by replaying its ledger; checks both end at the same root.") { from, to, data };
        neo4j.AddTo(command);
        command.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var (source, target) = (parse.GetValue(from), parse.GetValue(to));
            if (source == target)
            {
                throw LineageHubException.InvalidInput($"--from and --to are both {Name(source)}; migrate copies between two kinds of store");
            }
            var directory = StoreOptions.DataDirectory(parse.GetValue(data));
            var clock = new ReplayClock();
            await using var reader = await StoreOptions.OpenStoreAsync(source, directory, neo4j, parse, null, ct);
            await using var writer = await StoreOptions.OpenStoreAsync(target, directory, neo4j, parse, clock, ct);
            var copied = await LedgerCopy.CopyAsync(reader, writer, time => clock.Now = time, ct);
            var report = new MigrationReport(Name(source), Name(target), copied.SourceSize, copied.SourceRoot.ToString(), copied.TargetSize, copied.TargetRoot.ToString(), copied.Same);
            Output.Print(parse.GetValue(json), report, r => r.Same
                ? $"copied {r.Entries} ledger entries from {r.From} to {r.To}; both ledgers end at size {r.Entries} with root {r.Root}"
                : $"MISMATCH: the {r.From} ledger ends at size {r.Entries} with root {r.Root}, the {r.To} copy at size {r.TargetEntries} with root {r.TargetRoot}");
            return report.Same ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static string Name(StoreKind kind) => kind.ToString().ToLowerInvariant();

    private sealed record MigrationReport(
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("entries")] long Entries,
        [property: JsonPropertyName("root")] string Root,
        [property: JsonPropertyName("targetEntries")] long TargetEntries,
        [property: JsonPropertyName("targetRoot")] string TargetRoot,
        [property: JsonPropertyName("same")] bool Same);
}

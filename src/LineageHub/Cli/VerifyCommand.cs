using System.CommandLine;
using System.Text;
using LineageHub.Client;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Integrity;

namespace LineageHub.Cli;

/// <summary>
/// <c>lineagehub verify</c>: the scheduled verification's code run once, here, against the local store:
/// re-hash dataset versions below the allowed roots, re-verify the ledger, record each result as a fact.
/// </summary>
public sealed class VerifyCommand : ICliVerb
{
    public int Order => 200;

    public Command Build()
    {
        var options = new StoreOptions();
        var dataset = new Option<string?>("--dataset") { Description = "Verify every version of this dataset, NAMESPACE/NAME" };
        var version = new Option<string?>("--version") { Description = "Verify one dataset version, by its id (dataset_version:NAMESPACE|NAME|ROOT)" };
        var ledger = new Option<bool>("--ledger") { Description = "Verify the ledger: entries, signed heads, consistency with the previous check, projection rows" };
        var all = new Option<bool>("--all") { Description = "Verify every dataset version and the ledger" };
        var roots = new Option<string[]>("--root") { Description = "A folder whose files may be read (repeatable); a version stored outside every --root is reported UNREADABLE, never read" };
        var incremental = new Option<bool>("--incremental") { Description = "Skip files whose size and modification time are as at their last successful verification" };
        var rate = new Option<long?>("--max-bytes-per-second") { Description = "Read at most this many bytes per second" };
        var saltKey = new Option<string?>("--salt-key") { Description = "The table-mode salt key file (default: $LINEAGEHUB_SNAPSHOT_KEY or snapshot-salt.key in the data folder)" };
        var threads = new Option<int?>("--threads") { Description = "Hashing threads (default: one per core)" };
        var command = new Command("verify", "Re-verify registered dataset versions against their fingerprints (OK, TAMPERED, MISSING, UNREADABLE) and the ledger, and record each result as a fact. Exits 1 when anything does not verify.")
        {
            dataset, version, ledger, all, roots, incremental, rate, saltKey, threads,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var given = new[] { parse.GetValue(dataset) is not null, parse.GetValue(version) is not null, parse.GetValue(ledger), parse.GetValue(all) }.Count(g => g);
            if (given != 1)
            {
                throw LineageHubException.InvalidInput(VerificationMessages.OneTarget);
            }
            var request = parse.GetValue(ledger) ? VerificationRequest.Ledger
                : parse.GetValue(all) ? VerificationRequest.All
                : parse.GetValue(version) is { } id ? VerificationRequest.Version(id)
                : Dataset(parse.GetValue(dataset)!);
            await using var service = await options.OpenAsync(parse, ct);
            if (service is not LocalLineageService local)
            {
                throw LineageHubException.InvalidInput("verify reads the data where it is and records into a local store (--data); to verify in a running server, use its verifyNow mutation");
            }
            var settings = new VerificationSettings
            {
                AllowedRoots = [.. parse.GetValue(roots) ?? []],
                Incremental = parse.GetValue(incremental),
                MaxBytesPerSecond = parse.GetValue(rate),
                Threads = Math.Max(1, parse.GetValue(threads) ?? Environment.ProcessorCount),
                MaxConcurrent = 1,
            };
            var key = request.Scope == VerificationScope.Ledger ? null : TrySaltKey(parse.GetValue(saltKey), parse.GetValue(options.Data));
            using var runner = new VerificationRunner(local.Store, settings, key, TimeProvider.System, alerts: null);
            var reports = await runner.RunAsync(request, ct);
            Output.Print(parse.GetValue(options.Json), reports.Select(r => new
            {
                id = r.Id.ToString("D"),
                target = r.Target,
                outcome = r.Outcome.ToString().ToUpperInvariant(),
                previous = r.Previous?.ToString().ToUpperInvariant(),
                checkedAt = r.CheckedAt,
                summary = r.Summary,
                details = r.Details,
            }).ToList(), _ => Describe(reports));
            return reports.All(r => r.Outcome == VerificationOutcome.Ok) ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static VerificationRequest Dataset(string text)
    {
        var (ns, name) = DatasetName.Parse(text);
        return VerificationRequest.Dataset(ns, name);
    }

    // A table version needs the key it was snapshotted with; without one here, those versions report
    // UNREADABLE naming the key, and raw versions still verify.
    private static Core.Snapshots.SnapshotSaltKey? TrySaltKey(string? given, string? data)
    {
        var path = given ?? Environment.GetEnvironmentVariable("LINEAGEHUB_SNAPSHOT_KEY") ?? Path.Combine(StoreOptions.DataDirectory(data), SnapshotSaltKeyFile.FileName);
        return File.Exists(path) || given is not null ? SnapshotSaltKeyFile.Load(path, data) : null;
    }

    private static string Describe(IReadOnlyList<VerificationReport> reports)
    {
        if (reports.Count == 0)
        {
            return "nothing to verify";
        }
        var text = new StringBuilder();
        foreach (var report in reports)
        {
            text.Append($"{report.Outcome.ToString().ToUpperInvariant(),-10} {report.Target}\n           {report.Summary}\n");
            foreach (var detail in report.Details.Take(20))
            {
                text.Append("           - ").Append(detail).Append('\n');
            }
            if (report.Details.Count > 20)
            {
                text.Append($"           … and {report.Details.Count - 20} more\n");
            }
        }
        return text.ToString().TrimEnd('\n');
    }
}

using System.CommandLine;
using System.Text;

namespace LineageHub.Cli;

/// <summary><c>lineagehub ledger head|verify|prove|consistency</c>: the verifiable log.</summary>
public sealed class LedgerCommands : ICliVerb
{
    public int Order => 90;

    public Command Build()
    {
        var ledger = new Command("ledger", "Inspect and verify the ledger: signed tree heads, inclusion and consistency proofs.");
        ledger.Add(Head());
        ledger.Add(Verify());
        ledger.Add(Prove());
        ledger.Add(Consistency());
        return ledger;
    }

    private static Command Head()
    {
        var options = new StoreOptions();
        var command = new Command("head", "Print the newest signed tree head and the public key that checks it.");
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var service = await options.OpenAsync(parse, ct);
            var head = await service.HeadAsync(ct);
            Output.Print(parse.GetValue(options.Json), head, h => $"ledger size {h.Size}\nroot        {h.Root}\nsigned at   {h.Time}\nkey         {h.KeyId}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Verify()
    {
        var options = new StoreOptions();
        var command = new Command("verify", "Re-verify the whole ledger: every entry's hash, every signed head, and every graph row against the ledger. Exits 1 on any problem.");
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var service = await options.OpenAsync(parse, ct);
            var report = await service.VerifyAsync(ct);
            Output.Print(parse.GetValue(options.Json), report, r =>
            {
                var text = new StringBuilder(r.Ok ? "ok: " : "FAILED: ");
                text.Append($"{r.Entries} entries, {r.TreeHeads} signed tree heads, {r.Nodes} nodes and {r.Edges} edges checked");
                foreach (var problem in r.Problems)
                {
                    text.Append("\n  - ").Append(problem);
                }
                return text.ToString();
            });
            return report.Ok ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    private static Command Prove()
    {
        var options = new StoreOptions();
        var entry = new Option<long>("--entry") { Description = "The ledger entry (its 0-based position)", Required = true };
        var size = new Option<long?>("--size") { Description = "The tree size to prove against (default: the newest head)" };
        var command = new Command("prove", "Print an inclusion proof of one entry, with the entry's bytes, as JSON.") { entry, size };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var service = await options.OpenAsync(parse, ct);
            Output.Print(true, await service.ProveInclusionAsync(parse.GetValue(entry), parse.GetValue(size), ct), _ => "");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Consistency()
    {
        var options = new StoreOptions();
        var from = new Option<long>("--from") { Description = "The earlier tree size", Required = true };
        var to = new Option<long>("--to") { Description = "The later tree size", Required = true };
        var command = new Command("consistency", "Print a proof that the tree at --to extends the tree at --from, as JSON.") { from, to };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var service = await options.OpenAsync(parse, ct);
            Output.Print(true, await service.ProveConsistencyAsync(parse.GetValue(from), parse.GetValue(to), ct), _ => "");
            return ExitCodes.Ok;
        });
        return command;
    }
}

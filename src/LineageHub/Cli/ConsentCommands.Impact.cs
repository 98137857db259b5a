using System.CommandLine;
using System.Text;
using LineageHub.Connectors.Consent;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Consent;

namespace LineageHub.Cli;

// consent impact: where one subject's data went, and proofs that later versions no longer hold it.
public sealed partial class ConsentCommands
{
    private static Command Impact()
    {
        var options = new StoreOptions();
        var subject = new Argument<string>("subject") { Description = "The subject's raw identifier (pseudonymised here, never sent or stored)" };
        var notIn = new Option<string[]>("--not-in") { Description = "A dataset version to prove the subject absent from (default: every other version of each dataset that held them)" };
        var secret = SecretFileOption();
        var command = new Command("impact", "Every dataset version and downstream model version holding a subject's data, their consent records, and non-membership proofs for versions that no longer hold them.")
        {
            subject, notIn, secret,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var pseudonym = new SubjectPseudonymizer(SubjectSecret.Load(parse.GetValue(secret))).Pseudonymize(parse.GetValue(subject)!);
            await using var store = await ConsentStore.OpenAsync(options, parse, ct);
            var notInKeys = parse.GetValue(notIn) is { Length: > 0 } given ? given.Select(NodeKey.Parse).ToList() : null;
            var found = await SubjectImpactFinder.FindAsync(store.Lineage, store.Evidence, pseudonym, notInKeys, ct);
            var impact = new SubjectImpactJson(found.Subject.ToString(), [.. found.ContainedIn.Select(k => k.ToString())],
                [.. found.Downstream.Select(k => k.ToString())], [.. found.ModelVersions.Select(k => k.ToString())],
                [.. found.ConsentRecords.Select(r => new SubjectRecordJson(r.Batch.ToString(), r.Record.Purpose, r.Record.Basis.ToString().ToLowerInvariant(), r.Record.GrantedAt, r.Record.ExpiresAt, r.Record.WithdrawnAt))],
                [.. found.AbsentFrom.Select(a => new SubjectAbsenceJson(a.DatasetVersion.ToString(), a.Root.ToString(), a.Proof))]);
            Output.Print(parse.GetValue(options.Json), impact, DescribeImpact);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string DescribeImpact(SubjectImpactJson impact)
    {
        var text = new StringBuilder($"subject  {impact.Subject}\n");
        text.AppendJoin('\n', impact.ContainedIn.Select(v => $"in       {v}").Concat(impact.Downstream.Select(v => $"feeds    {v}")).Concat(impact.ModelVersions.Select(m => $"model    {m}"))
            .Concat(impact.ConsentRecords.Select(r => $"record   {r.Purpose} ({r.Basis}) granted {r.GrantedAt:u}{(r.WithdrawnAt is { } w ? $", withdrawn {w:u}" : "")}{(r.ExpiresAt is { } e ? $", expires {e:u}" : "")}"))
            .Concat(impact.AbsentFrom.Select(a => $"absent   {a.DatasetVersion} (non-membership proof against root {a.Root}; --json prints it)")));
        return text.ToString();
    }
}

using System.CommandLine;
using System.Text;
using LineageHub.Connectors.Consent;
using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Storage;
using LineageHub.Core.Subjects;

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
            var containing = new List<DatasetVersion>();
            var sets = new Dictionary<NodeKey, (DatasetVersion Version, SubjectSet Set)>();
            await foreach (var (version, set) in store.SubjectSetsAsync(ct))
            {
                sets[version.Key] = (version, set);
                if (set.Contains(pseudonym))
                {
                    containing.Add(version);
                }
            }
            var (downstream, models) = await DownstreamAsync(store.Lineage, containing.Select(v => v.Key), ct);
            var targets = parse.GetValue(notIn) is { Length: > 0 } given
                ? given.Select(NodeKey.Parse)
                : await OtherVersionsAsync(store.Lineage, containing, ct);
            var absent = new List<SubjectAbsenceJson>();
            foreach (var target in targets.Distinct())
            {
                if (!sets.TryGetValue(target, out var entry))
                {
                    throw LineageHubException.NotFound($"{target} has no subject set, so absence from it cannot be proven");
                }
                if (entry.Set.ProveAbsence(pseudonym) is { } proof)
                {
                    absent.Add(new SubjectAbsenceJson(target.ToString(), entry.Set.Root.ToString(), proof));
                }
            }
            var records = await store.Evidence.FindConsentRecordsAsync(pseudonym, ct);
            var impact = new SubjectImpactJson(pseudonym.ToString(), [.. containing.Select(v => v.Key.ToString())], downstream, models,
                [.. records.Select(r => new SubjectRecordJson(r.Batch.ToString(), r.Record.Purpose, r.Record.Basis.ToString().ToLowerInvariant(), r.Record.GrantedAt, r.Record.ExpiresAt, r.Record.WithdrawnAt))],
                absent);
            Output.Print(parse.GetValue(options.Json), impact, DescribeImpact);
            return ExitCodes.Ok;
        });
        return command;
    }

    // Downstream of the versions: runs that read them, what those runs wrote (and so on) and the models they produced.
    private static async Task<(List<string> Versions, List<string> Models)> DownstreamAsync(ILineageStore store, IEnumerable<NodeKey> start, CancellationToken cancellationToken)
    {
        var seen = new HashSet<NodeKey>(start);
        var pending = new Queue<NodeKey>(seen);
        var versions = new List<string>();
        var models = new SortedSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var version = pending.Dequeue();
            var next = new List<NodeKey>();
            foreach (var read in await store.GetEdgesAsync(version, EdgeDirection.Incoming, EdgeKind.Read, cancellationToken: cancellationToken))
            {
                next.AddRange((await store.GetEdgesAsync(read.From, EdgeDirection.Outgoing, EdgeKind.Wrote, cancellationToken: cancellationToken)).Select(e => e.To));
                foreach (var produced in await store.GetEdgesAsync(read.From, EdgeDirection.Outgoing, EdgeKind.Produced, cancellationToken: cancellationToken))
                {
                    models.Add(produced.To.ToString());
                }
            }
            next.AddRange((await store.GetEdgesAsync(version, EdgeDirection.Incoming, EdgeKind.DerivedFrom, cancellationToken: cancellationToken)).Select(e => e.From));
            foreach (var key in next.Where(seen.Add))
            {
                versions.Add(key.ToString());
                pending.Enqueue(key);
            }
        }
        return (versions, [.. models]);
    }

    private static async Task<IEnumerable<NodeKey>> OtherVersionsAsync(ILineageStore store, List<DatasetVersion> containing, CancellationToken cancellationToken)
    {
        var others = new List<NodeKey>();
        foreach (var dataset in containing.Select(v => new DatasetId(v.Namespace, v.Name).Key).Distinct())
        {
            others.AddRange((await store.GetEdgesAsync(dataset, EdgeDirection.Incoming, EdgeKind.VersionOf, cancellationToken: cancellationToken))
                .Select(e => e.From).Where(k => containing.All(v => v.Key != k)));
        }
        return others;
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

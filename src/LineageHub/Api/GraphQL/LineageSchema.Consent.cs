using LineageHub.Core;
using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Evidence;
using LineageHub.Core.Storage;
using LineageHub.Core.Subjects;
using LineageHub.GraphQL.Types;

namespace LineageHub.Api.GraphQL;

// Query.consentProof: the verdict of schema/consent.md's proof; the bundle is written by the CLI.
public static partial class LineageSchema
{
    private static void BindConsent(Schema schema, ILineageStore store)
    {
        schema.Resolve("Query", "consentProof", async ctx =>
        {
            if (store is not IConsentEvidenceStore evidence)
            {
                throw LineageHubException.InvalidInput("consent proofs need the SQLite store, which keeps subject sets and consent batches");
            }
            var model = Ids.Parse(Text(ctx, "modelVersion"), "modelVersion", NodeKind.ModelVersion);
            var bundle = await ConsentProver.ProveAsync(store, evidence, model, Text(ctx, "purpose"), ctx.GetArgument<DateTimeOffset?>("asOf"), ctx.CancellationToken);
            return Verdict(bundle.Verdict);
        });
        schema.Resolve("Query", "subjectImpact", async ctx =>
        {
            if (store is not IConsentEvidenceStore evidence)
            {
                throw LineageHubException.InvalidInput("subject impact needs the SQLite store, which keeps subject sets and consent batches");
            }
            var subject = SubjectPseudonym.Parse(Text(ctx, "subject"));
            var notIn = ctx.GetArgument<List<object?>>("notIn")?.Select(id => Ids.Parse((string)id!, "notIn", NodeKind.DatasetVersion)).ToList();
            return Impact(await SubjectImpactFinder.FindAsync(store, evidence, subject, notIn, ctx.CancellationToken));
        });
        schema.Resolve("ConsentProof", "violations", ctx =>
        {
            var all = (IReadOnlyList<ConsentViolation>)((Dictionary<string, object?>)ctx.Source!)[ViolationsEntry]!;
            var first = Math.Clamp(ctx.GetArgument<int?>("first") ?? 100, 0, ApiMessages.MaxPageSize);
            return ValueTask.FromResult<object?>(all.Take(first).Select(v => new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["subject"] = v.Subject,
                ["datasetVersion"] = v.DatasetVersion,
                ["source"] = v.Source,
                ["reason"] = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(v.Reason.ToString()),
            }).ToList());
        });
    }

    private const string ViolationsEntry = "$violations";

    private static Dictionary<string, object?> Impact(SubjectImpact impact) => new(StringComparer.Ordinal)
    {
        ["subject"] = impact.Subject.ToString(),
        ["containedIn"] = impact.ContainedIn.Select(k => k.ToString()).ToList(),
        ["downstream"] = impact.Downstream.Select(k => k.ToString()).ToList(),
        ["modelVersions"] = impact.ModelVersions.Select(k => k.ToString()).ToList(),
        ["consentRecords"] = impact.ConsentRecords.Select(r => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["batch"] = r.Batch,
            ["purpose"] = r.Record.Purpose,
            ["basis"] = r.Record.Basis.ToString().ToLowerInvariant(),
            ["grantedAt"] = r.Record.GrantedAt,
            ["expiresAt"] = r.Record.ExpiresAt,
            ["withdrawnAt"] = r.Record.WithdrawnAt,
        }).ToList(),
        ["absentFrom"] = impact.AbsentFrom.Select(a => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["datasetVersion"] = a.DatasetVersion.ToString(),
            ["root"] = a.Root,
            ["proof"] = System.Text.Json.JsonSerializer.SerializeToElement(a.Proof, NodeCodec.Options),
        }).ToList(),
    };

    private static Dictionary<string, object?> Verdict(ConsentVerdict verdict) => new(StringComparer.Ordinal)
    {
        ["outcome"] = verdict.Outcome,
        ["modelVersion"] = verdict.ModelVersion,
        ["purpose"] = verdict.Purpose,
        ["decisionTime"] = verdict.DecisionTime,
        ["subjectsChecked"] = checked((int)verdict.SubjectsChecked),
        ["sources"] = verdict.Sources.Select(s => new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["datasetVersion"] = s.DatasetVersion,
            ["source"] = s.Source,
            ["basis"] = s.Basis,
            ["declaration"] = s.Declaration,
            ["subjectSetRoot"] = s.SubjectSetRoot is { } root ? Core.Hashing.Digest.Parse(root) : null,
            ["subjects"] = checked((int)s.Subjects),
            ["covered"] = checked((int)s.Covered),
            ["none"] = checked((int)s.None),
            ["expired"] = checked((int)s.Expired),
            ["withdrawn"] = checked((int)s.Withdrawn),
            ["wrongPurpose"] = checked((int)s.WrongPurpose),
        }).ToList(),
        ["missingSubjectSets"] = verdict.MissingSubjectSets.ToList(),
        ["problems"] = verdict.Problems.ToList(),
        ["violationCount"] = verdict.Violations.Count,
        [ViolationsEntry] = verdict.Violations,
    };
}

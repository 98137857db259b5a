using LineageHub.Core;
using LineageHub.Core.Consent;
using LineageHub.Core.Domain;
using LineageHub.Core.Evidence;
using LineageHub.Core.Storage;
using LineageHub.GraphQL.Types;

namespace LineageHub.Api.GraphQL;

// Query.consentProof: the verdict of schema/consent.md's proof; the bundle is written by the CLI.
public static partial class LineageSchema
{
    private static void BindConsent(Schema schema, ILineageStore store)
    {
        Bind(schema, "Query", "consentProof", async ctx =>
        {
            if (store is not IConsentEvidenceStore evidence)
            {
                throw LineageHubException.InvalidInput("consent proofs need the SQLite store, which keeps subject sets and consent batches");
            }
            var model = Ids.Parse(Text(ctx, "modelVersion"), "modelVersion", NodeKind.ModelVersion);
            var bundle = await ConsentProver.ProveAsync(store, evidence, model, Text(ctx, "purpose"), ctx.GetArgument<DateTimeOffset?>("asOf"), ctx.CancellationToken);
            return Verdict(bundle.Verdict);
        });
        Bind(schema, "ConsentProof", "violations", ctx =>
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

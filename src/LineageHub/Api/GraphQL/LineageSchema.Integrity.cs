using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Storage;
using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Types;
using LineageHub.Integrity;

namespace LineageHub.Api.GraphQL;

// Integrity: a dataset version's checks (through its VERIFIES edges, batched like every neighbour), the list
// of all checks, the state changes they make (alerts), and verifyNow, which queues a check in the server.
public static partial class LineageSchema
{
    private const string ChecksEntry = "__checks";

    private static void BindIntegrity(Schema schema, ILineageStore store, IVerificationQueue? queue)
    {
        BindEnum<VerificationOutcome>(schema, "VerificationOutcome");
        var history = new VerificationHistory(store);

        schema.Resolve("DatasetVersion", "integrity", async ctx =>
        {
            var checks = await ChecksAsync(ctx, store, NodeViews.KeyOf(ctx.Source));
            var newest = checks.Count > 0 ? checks[^1] : null;
            return new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["status"] = newest?.Check.Outcome,
                ["lastVerifiedAt"] = newest?.Check.CheckedAt,
                ["lastOkAt"] = checks.LastOrDefault(c => c.Check.Outcome == VerificationOutcome.Ok)?.Check.CheckedAt,
                [ChecksEntry] = checks,
            };
        });
        schema.Resolve("Integrity", "history", ctx =>
        {
            var first = ctx.GetArgument("first", 20);
            if (first is < 0 or > ApiMessages.MaxPageSize)
            {
                throw LineageHubException.InvalidInput(ApiMessages.TooManyIds(first));
            }
            var checks = (IReadOnlyList<CheckView>)((IReadOnlyDictionary<string, object?>)ctx.Source!)[ChecksEntry]!;
            return ValueTask.FromResult<object?>(checks.Reverse().Take(first).Select(c => (object?)c.View).ToList());
        });
        schema.Resolve("LineageNode", "integrity", async ctx =>
        {
            var key = NodeViews.KeyOf(ctx.Source);
            return key.Kind == NodeKind.DatasetVersion && await ChecksAsync(ctx, store, key) is { Count: > 0 } checks ? checks[^1].Check.Outcome : null;
        });
        schema.Resolve("Lineage", "failingIntegrity", async ctx =>
        {
            var nodes = (List<object?>)((IReadOnlyDictionary<string, object?>)ctx.Source!)["nodes"]!;
            var versions = nodes.Select(NodeViews.KeyOf).Where(k => k.Kind == NodeKind.DatasetVersion).ToList();
            var checks = await Task.WhenAll(versions.Select(v => ChecksAsync(ctx, store, v)));
            return versions.Where((_, i) => checks[i].Count > 0 && checks[i][^1].Check.Outcome != VerificationOutcome.Ok).Select(k => (object?)k.ToString()).ToList();
        });

        schema.Resolve("Query", "verifications", async ctx =>
        {
            var filter = ctx.GetArgument<IReadOnlyDictionary<string, object?>>("filter");
            var target = filter?.GetValueOrDefault("target") as string;
            var outcome = filter?.GetValueOrDefault("outcome") as VerificationOutcome?;
            var since = filter?.GetValueOrDefault("since") as DateTimeOffset?;
            var all = (await history.AllAsync(ctx.CancellationToken))
                .Where(v => (target is null || v.Target == target) && (outcome is null || v.Outcome == outcome) && (since is null || v.CheckedAt >= since))
                .Reverse().ToList();
            var page = PageArguments.From(ctx);
            var (start, end) = page.Slice(all.Count);
            var records = await Loaders.NodesAsync(ctx, store, all.Skip(start).Take(end - start).Select(v => v.Key));
            var views = records.Select(r => NodeViews.From(r!)!).ToArray();
            return Connections.ByOffset(views, [.. Enumerable.Range(start, views.Length)], null, start > 0, end < all.Count, all.Count);
        });
        schema.Resolve("Query", "alerts", async ctx =>
        {
            var since = ctx.GetArgument<DateTimeOffset?>("since");
            var first = Math.Clamp(ctx.GetArgument("first", 100), 0, ApiMessages.MaxPageSize);
            var transitions = VerificationHistory.Transitions(await history.AllAsync(ctx.CancellationToken))
                .Where(t => since is null || t.Check.CheckedAt > since)
                .Reverse().Take(first).ToList();
            var records = await Loaders.NodesAsync(ctx, store, transitions.Select(t => t.Check.Key));
            return transitions.Select((t, i) => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["id"] = t.Check.VerificationId.ToString("D"),
                ["target"] = t.Check.Target,
                ["previous"] = t.Previous,
                ["outcome"] = t.Check.Outcome,
                ["recovered"] = t.Check.Outcome == VerificationOutcome.Ok,
                ["checkedAt"] = t.Check.CheckedAt,
                ["summary"] = VerificationEvidence.Summary(t.Check.Evidence),
                ["verification"] = records[i] is { } record ? NodeViews.From(record) : null,
            }).ToList();
        });

        schema.Resolve("Mutation", "verifyNow", async ctx =>
        {
            var payload = new Dictionary<string, object?>(StringComparer.Ordinal) { ["userErrors"] = new List<object?>() };
            try
            {
                var request = VerifyNowRequest(Inputs.Root(ctx));
                var target = queue ?? throw new LineageHubException(ErrorCode.Unavailable, "this server runs no verification scheduler");
                payload["queuedId"] = await target.QueueAsync(request, ctx.CancellationToken);
            }
            catch (LineageHubException ex) when (ApiErrors.IsUserError(ex.Code))
            {
                payload["userErrors"] = new List<object?> { ApiErrors.UserError(ex) };
            }
            catch (LineageHubException ex)
            {
                throw ApiErrors.ToGraphQL(ex);
            }
            return payload;
        });
    }

    private static VerificationRequest VerifyNowRequest(Inputs input)
    {
        var version = input.OptionalText("datasetVersion");
        var dataset = input.Object("dataset");
        var ledger = input.Optional<bool>("ledger") == true;
        var all = input.Optional<bool>("all") == true;
        if (new[] { version is not null, dataset is not null, ledger, all }.Count(g => g) != 1)
        {
            throw LineageHubException.InvalidInput(VerificationMessages.VerifyNowOneOf);
        }
        if (version is not null)
        {
            var key = Ids.Parse(version, "datasetVersion");
            return key.Kind == NodeKind.DatasetVersion ? VerificationRequest.Version(key.ToString()) : throw LineageHubException.InvalidInput(VerificationMessages.NotADatasetVersion(version));
        }
        return dataset is not null ? VerificationRequest.Dataset(dataset.Text("namespace"), dataset.Text("name"))
            : ledger ? VerificationRequest.Ledger
            : VerificationRequest.All;
    }

    // A version's checks, oldest first, each with its view: one edge load and one node load per query level.
    private static async Task<IReadOnlyList<CheckView>> ChecksAsync(ResolveFieldContext ctx, ILineageStore store, NodeKey version)
    {
        var edges = await Loaders.Edges(ctx, store, EdgeDirection.Incoming, EdgeKind.Verifies).LoadAsync(version) ?? [];
        var records = await Loaders.NodesAsync(ctx, store, edges.Select(e => e.From));
        return [.. records.OfType<NodeRecord>()
            .Select(r => new CheckView(r.As<Verification>(), NodeViews.From(r)!))
            .OrderBy(c => c.Check.CheckedAt).ThenBy(c => c.Check.VerificationId)];
    }

    private sealed record CheckView(Verification Check, NodeView View);
}

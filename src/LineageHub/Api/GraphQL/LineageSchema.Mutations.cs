using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Registration;
using LineageHub.Core.Storage;
using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Types;
using LineageHub.Security;

namespace LineageHub.Api.GraphQL;

// Mutations: each reads its input into domain values, registers them as one change set through Core's
// registrars, and answers with the objects as recorded. What the client must fix is a userError; who may
// call a mutation at all is decided before execution (see GraphQLApi).
public static partial class LineageSchema
{
    private static void BindMutations(Schema schema, ILineageStore store)
    {
        var catalog = new CatalogRegistrar(store);
        var runs = new RunRegistrar(store);

        Mutation(schema, store, "registerDataset", "dataset", async (ctx, input) =>
        {
            var dataset = new Dataset(input.Text("namespace"), input.Text("name"), input.OptionalText("description"));
            var source = input.Object("sourceSystem") is { } s
                ? new SourceSystem(s.Text("name"), s.Value<SourceSystemKind>("kind"), s.OptionalText("description"))
                : null;
            return (await catalog.RegisterDatasetAsync(dataset, source, Actor(ctx), ctx.CancellationToken), [dataset.Key]);
        });

        Mutation(schema, store, "registerDatasetVersion", "datasetVersion", async (ctx, input) =>
        {
            var version = new DatasetVersion(
                input.Text("namespace"), input.Text("name"), input.Value<Digest>("root"), input.Value<SnapshotMode>("mode"),
                input.Count("leafCount"), input.Count("byteSize"), input.OptionalText("format"), input.OptionalText("storageUri"),
                input.Optional<Digest>("schemaFingerprint"), input.OptionalText("label"), input.Json("snapshot"));
            return (await catalog.RegisterDatasetVersionAsync(version, Actor(ctx), ctx.CancellationToken), [version.Key]);
        });

        Mutation(schema, store, "registerCommits", "repository", async (ctx, input) =>
        {
            var repo = input.Object("repository")!;
            var repository = new Repository(repo.Text("identity"), repo.OptionalText("remoteUrl"));
            var commits = input.Objects("commits").Select(c => (new Commit(
                repository.Identity, c.Text("sha"), c.Text("authorName"), c.Text("authorEmail"), c.Value<DateTimeOffset>("authoredAt"),
                c.Text("committerName"), c.Text("committerEmail"), c.Value<DateTimeOffset>("committedAt"), c.Text("message")), c.Texts("parents"))).ToList();
            var result = await catalog.RegisterCommitsAsync(repository, commits, Actor(ctx), ctx.CancellationToken);
            return (result, [repository.Key, .. commits.Select(c => c.Item1.Key)]);
        }, extra: (views, payload) => payload["commits"] = views.Skip(1).ToList());

        Mutation(schema, store, "registerRun", "run", async (ctx, input) =>
        {
            var job = input.Object("job")!;
            var code = input.Object("code");
            var model = input.Object("producedModel");
            var registration = new RunRegistration(
                new JobId(job.Text("namespace"), job.Text("name")),
                job.Value<JobType>("type"),
                input.Guarded(() => Ids.Uuid(input.Text("runId"), "runId"), "runId"),
                input.Value<RunStatus>("status"),
                input.Optional<DateTimeOffset>("startedAt"),
                input.Optional<DateTimeOffset>("endedAt"),
                input.StringMap("parameters"),
                input.StringMap("environment"),
                input.VersionIds("inputs"),
                input.VersionIds("outputs"),
                code is null ? null : new CodeReference(
                    new CommitId(new RepositoryId(code.Text("repository")), code.Text("commit")),
                    [.. code.Objects("files").Select(f => new CodeFile(f.Text("path"), f.Text("blobHash")))]),
                model is null ? null : new ModelVersion(
                    model.Text("model"), model.Text("version"), model.Optional<Digest>("artifactDigest"), model.OptionalText("artifactUri"), model.NumberMap("metrics")));
            return (await runs.RegisterAsync(registration, Actor(ctx), ctx.CancellationToken), [new RunId(registration.RunId).Key]);
        });
    }

    private static string? Actor(ResolveFieldContext context) => (context.Request.UserContext as RequestPrincipal)?.Principal.Actor;

    private static void Mutation(
        Schema schema,
        ILineageStore store,
        string field,
        string objectField,
        Func<ResolveFieldContext, Inputs, Task<(AppendResult Result, IReadOnlyList<NodeKey> Keys)>> register,
        Action<List<NodeView?>, Dictionary<string, object?>>? extra = null) =>
        schema.Resolve("Mutation", field, async ctx =>
        {
            var payload = new Dictionary<string, object?>(StringComparer.Ordinal) { ["userErrors"] = new List<object?>() };
            try
            {
                var (result, keys) = await register(ctx, Inputs.Root(ctx));
                var records = await store.FindNodesAsync(keys, ctx.CancellationToken);
                var views = keys.Select(k => records.TryGetValue(k, out var r) ? NodeViews.From(r) : null).ToList();
                payload[objectField] = views[0];
                payload["change"] = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["changed"] = result.Changed,
                    ["ledgerSeq"] = result.Seq is { } seq ? checked((int)seq) : null,
                    ["treeSize"] = checked((int)result.Head.Size),
                    ["nodesCreated"] = result.NodesCreated,
                    ["edgesCreated"] = result.EdgesCreated,
                };
                extra?.Invoke(views, payload);
            }
            catch (LineageHubException ex) when (ApiErrors.IsUserError(ex.Code))
            {
                payload["userErrors"] = new List<object?> { ApiErrors.UserError(ex, ex.Data[Inputs.FieldData] as IReadOnlyList<string>) };
            }
            catch (LineageHubException ex)
            {
                throw ApiErrors.ToGraphQL(ex);
            }
            return payload;
        });
}

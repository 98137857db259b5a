using LineageHub.Core;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Lineage;
using LineageHub.Core.Storage;
using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Types;

namespace LineageHub.Api.GraphQL;

// Query's root fields: look-ups by natural key, root lists, lineage.
public static partial class LineageSchema
{
    private static void BindQueries(Schema schema, ILineageStore store)
    {
        schema.Resolve("Query", "node", async ctx => await NodeAsync(ctx, store, Ids.Parse(ctx.GetArgument<string>("id")!, "id")));
        schema.Resolve("Query", "nodes", async ctx =>
        {
            var ids = ctx.GetArgument<List<object?>>("ids") ?? [];
            if (ids.Count > ApiMessages.MaxPageSize)
            {
                throw LineageHubException.InvalidInput(ApiMessages.TooManyIds(ids.Count));
            }
            var keys = ids.Select(id => Ids.Parse((string)id!, "ids")).ToList();
            var records = await Loaders.NodesAsync(ctx, store, keys);
            return records.Select(r => r is null ? null : NodeViews.From(r)).ToList();
        });
        ByKey(schema, store, "dataset", ctx => new DatasetId(Text(ctx, "namespace"), Text(ctx, "name")).Key);
        ByKey(schema, store, "datasetVersion", ctx => new DatasetVersionId(new DatasetId(Text(ctx, "namespace"), Text(ctx, "name")), ctx.GetArgument<Digest>("root")).Key);
        ByKey(schema, store, "job", ctx => new JobId(Text(ctx, "namespace"), Text(ctx, "name")).Key);
        ByKey(schema, store, "run", ctx => new RunId(Ids.Uuid(Text(ctx, "runId"), "runId")).Key);
        ByKey(schema, store, "model", ctx => new ModelId(Text(ctx, "name")).Key);
        ByKey(schema, store, "modelVersion", ctx => new ModelVersionId(new ModelId(Text(ctx, "model")), Text(ctx, "version")).Key);
        ByKey(schema, store, "repository", ctx => new RepositoryId(Text(ctx, "identity")).Key);
        ByKey(schema, store, "commit", ctx => new CommitId(new RepositoryId(Text(ctx, "repository")), Text(ctx, "sha")).Key);
        ByKey(schema, store, "sourceSystem", ctx => new SourceSystemId(Text(ctx, "name")).Key);

        RootList(schema, store, "datasets", NodeKind.Dataset, ctx => new NodePageRequest(1)
        {
            KeyPrefix = ctx.GetArgument<string>("namespace") is { } ns ? NamespacePrefix(NodeKind.Dataset, ns) : null,
            NameContains = ctx.GetArgument<string>("search"),
        });
        RootList(schema, store, "jobs", NodeKind.Job, ctx => new NodePageRequest(1)
        {
            KeyPrefix = ctx.GetArgument<string>("namespace") is { } ns ? NamespacePrefix(NodeKind.Job, ns) : null,
        });
        RootList(schema, store, "runs", NodeKind.Run, _ => new NodePageRequest(1));
        RootList(schema, store, "models", NodeKind.Model, ctx => new NodePageRequest(1) { NameContains = ctx.GetArgument<string>("search") });

        schema.Resolve("Query", "lineage", async ctx => Lineage(await store.TraverseAsync(LineageRequest(ctx), ctx.CancellationToken)));
        schema.Resolve("Query", "ledger", _ => new Dictionary<string, object?>());
    }

    private static string Text(ResolveFieldContext context, string name) => context.GetArgument<string>(name)!;

    private static void ByKey(Schema schema, ILineageStore store, string field, Func<ResolveFieldContext, NodeKey> key) =>
        schema.Resolve("Query", field, async ctx => await NodeAsync(ctx, store, key(ctx)));

    private static void RootList(Schema schema, ILineageStore store, string field, NodeKind kind, Func<ResolveFieldContext, NodePageRequest> filter) =>
        schema.Resolve("Query", field, async ctx => await Connections.RootAsync(store, kind, PageArguments.From(ctx), filter(ctx), ctx.CancellationToken));

    // The key prefix of one namespace: the key of a node in it, less its (one-character) name.
    private static string NamespacePrefix(NodeKind kind, string ns) => NodeKey.Of(kind, ns, "x").Key[..^1];

    private static TraversalRequest LineageRequest(ResolveFieldContext ctx)
    {
        var depth = ctx.GetArgument("depth", 5);
        var maxNodes = ctx.GetArgument("maxNodes", 1000);
        if (depth is < 0 or > ApiMessages.MaxLineageDepth)
        {
            throw LineageHubException.InvalidInput(ApiMessages.LineageDepth(depth));
        }
        if (maxNodes is < 1 or > ApiMessages.MaxLineageNodes)
        {
            throw LineageHubException.InvalidInput(ApiMessages.LineageNodes(maxNodes));
        }
        LedgerPosition? asOf = null;
        if (ctx.GetArgument<IReadOnlyDictionary<string, object?>>("asOf") is { } position)
        {
            var size = position.GetValueOrDefault("size");
            var time = position.GetValueOrDefault("time");
            asOf = (size, time) switch
            {
                (int s, null) => LedgerPosition.AtSize(s),
                (null, DateTimeOffset t) => LedgerPosition.AtTime(t),
                _ => throw LineageHubException.InvalidInput(ApiMessages.AsOfOneOf),
            };
        }
        return new TraversalRequest(Ids.Parse(Text(ctx, "from"), "from"))
        {
            Direction = ctx.GetArgument("direction", LineageDirection.Upstream),
            MaxDepth = depth,
            MaxNodes = maxNodes,
            EdgeKinds = ctx.GetArgument<List<object?>>("edgeKinds") is { } kinds ? kinds.Cast<EdgeKind>().ToHashSet() : null,
            AsOf = asOf,
            IncludeEdges = SelectsEdges(ctx),
        };
    }

    // A walk lists its edges only when asked: a query for the nodes alone skips the work. Fragments may
    // select anything, so a selection with one counts as asking.
    private static bool SelectsEdges(ResolveFieldContext ctx) =>
        ctx.FieldNodes.Any(f => f.SelectionSet is not { } set || set.Selections.Any(s => s is not LineageHub.GraphQL.Language.Ast.FieldNode field || field.Name == "edges"));

    private static Dictionary<string, object?> Lineage(TraversalResult result)
    {
        var nodes = new List<object?>(result.Nodes.Count);
        foreach (var node in result.Nodes)
        {
            nodes.Add(new LineageNodeView(node));
        }
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["from"] = result.Start.ToString(),
            ["nodes"] = nodes,
            ["edges"] = result.Edges.Select(e => Edge(e.Kind, e.From, e.To)).ToList(),
            ["truncated"] = result.Truncated,
            ["truncation"] = result.Truncation,
            ["asOfSize"] = checked((int)result.AsOfSize),
        };
    }

    private static Dictionary<string, object?> Edge(EdgeKind kind, NodeKey from, NodeKey to) => new(StringComparer.Ordinal)
    {
        ["kind"] = kind,
        ["from"] = from.ToString(),
        ["to"] = to.ToString(),
    };
}

using System.Runtime.CompilerServices;
using LineageHub.Core.Domain;
using LineageHub.Core.Storage;
using LineageHub.GraphQL.Execution;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// The request's DataLoaders: node reads and edge reads (per direction and kind) are queued by every
/// resolver of a level and made as one store call, so a page of 100 runs with their inputs and models
/// costs the same few calls as a page of one.
/// </summary>
internal static class Loaders
{
    // Loader names are built once: a page of runs asks for them thousands of times.
    private static readonly string[] OutgoingNames = [.. Enum.GetValues<EdgeKind>().Select(k => "out:" + EdgeRules.Name(k))];
    private static readonly string[] IncomingNames = [.. Enum.GetValues<EdgeKind>().Select(k => "in:" + EdgeRules.Name(k))];

    // So are the batch functions, once per store: a closure per LoadAsync call was most of what asking for a loader cost.
    private static readonly ConditionalWeakTable<ILineageStore, Batches> ByStore = [];

    public static DataLoader<NodeKey, NodeRecord> Nodes(ResolveFieldContext context, ILineageStore store) => Nodes(context.Request, store);

    public static DataLoader<NodeKey, NodeRecord> Nodes(RequestContext request, ILineageStore store) =>
        request.GetDataLoader("nodes", BatchesOf(store).Nodes);

    public static DataLoader<NodeKey, IReadOnlyList<EdgeRecord>> Edges(ResolveFieldContext context, ILineageStore store, EdgeDirection direction, EdgeKind kind) =>
        Edges(context.Request, store, direction, kind);

    public static DataLoader<NodeKey, IReadOnlyList<EdgeRecord>> Edges(RequestContext request, ILineageStore store, EdgeDirection direction, EdgeKind kind) =>
        direction == EdgeDirection.Outgoing
            ? request.GetDataLoader(OutgoingNames[(int)kind], BatchesOf(store).Outgoing[(int)kind])
            : request.GetDataLoader(IncomingNames[(int)kind], BatchesOf(store).Incoming[(int)kind]);

    /// <summary>Many nodes at once: one task however many keys, resuming on the executor's loop.</summary>
    public static Task<NodeRecord?[]> NodesAsync(ResolveFieldContext context, ILineageStore store, IEnumerable<NodeKey> keys) =>
        Nodes(context, store).LoadManyAsync(keys);

    private static Batches BatchesOf(ILineageStore store) => ByStore.GetValue(store, s => new Batches(s));

    private sealed class Batches(ILineageStore store)
    {
        public BatchLoadFunction<NodeKey, NodeRecord> Nodes { get; } = (keys, ct) => store.FindNodesAsync(keys, ct);

        public BatchLoadFunction<NodeKey, IReadOnlyList<EdgeRecord>>[] Outgoing { get; } = Make(store, EdgeDirection.Outgoing);

        public BatchLoadFunction<NodeKey, IReadOnlyList<EdgeRecord>>[] Incoming { get; } = Make(store, EdgeDirection.Incoming);

        private static BatchLoadFunction<NodeKey, IReadOnlyList<EdgeRecord>>[] Make(ILineageStore store, EdgeDirection direction) =>
            [.. Enum.GetValues<EdgeKind>().Select(kind => (BatchLoadFunction<NodeKey, IReadOnlyList<EdgeRecord>>)((keys, ct) => store.GetEdgesOfManyAsync(keys, direction, kind, ct)))];
    }
}

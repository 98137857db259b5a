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
    public static DataLoader<NodeKey, NodeRecord> Nodes(ResolveFieldContext context, ILineageStore store) =>
        context.Request.GetDataLoader<NodeKey, NodeRecord>("nodes", (keys, ct) => store.FindNodesAsync(keys, ct));

    public static DataLoader<NodeKey, IReadOnlyList<EdgeRecord>> Edges(ResolveFieldContext context, ILineageStore store, EdgeDirection direction, EdgeKind kind) =>
        context.Request.GetDataLoader<NodeKey, IReadOnlyList<EdgeRecord>>(
            direction == EdgeDirection.Outgoing ? OutgoingNames[(int)kind] : IncomingNames[(int)kind],
            (keys, ct) => store.GetEdgesOfManyAsync(keys, direction, kind, ct));

    /// <summary>
    /// Many nodes at once. Not <see cref="DataLoader{TKey, TValue}.LoadManyAsync"/>: it resumes off the
    /// executor's loop (ConfigureAwait(false)), so the resolvers below it would queue their keys while the
    /// loop dispatches, and one level's keys would split across two store calls. Awaiting here resumes on the loop.
    /// </summary>
    public static async Task<NodeRecord?[]> NodesAsync(ResolveFieldContext context, ILineageStore store, IEnumerable<NodeKey> keys)
    {
        var loader = Nodes(context, store);
        return await Task.WhenAll(keys.Select(loader.LoadAsync));
    }

    // Loader names are built once: a page of runs asks for them thousands of times.
    private static readonly string[] OutgoingNames = [.. Enum.GetValues<EdgeKind>().Select(k => "out:" + EdgeRules.Name(k))];
    private static readonly string[] IncomingNames = [.. Enum.GetValues<EdgeKind>().Select(k => "in:" + EdgeRules.Name(k))];
}

using LineageHub.Core.Domain;
using LineageHub.Core.Storage;
using LineageHub.GraphQL.Execution;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// A neighbour-list field (a run's inputs, a dataset's versions) as a connection. The pages of every parent
/// of a level are one DataLoader batch, which reads the level's edges through the request's edge loader and
/// then the pages' nodes through its node loader: the store calls stay the shared ones, and the resolver
/// hands the engine the loader's pending value as it is (no task per parent), with nothing of its own to wait on.
/// </summary>
internal sealed class NeighbourListField
{
    private readonly ILineageStore _store;
    private readonly EdgeDirection _direction;
    private readonly EdgeKind _kind;
    private readonly NodeKind? _only;
    private readonly string _loaderName;

    // only: the kind of neighbour listed, when the edge kind also joins others (a repository's commits).
    public NeighbourListField(ILineageStore store, string type, string field, EdgeDirection direction, EdgeKind kind, NodeKind? only)
    {
        _store = store;
        _direction = direction;
        _kind = kind;
        _only = only;
        _loaderName = "neighbours:" + type + "." + field;
    }

    public ValueTask<object?> Resolve(ResolveFieldContext context)
    {
        // Arguments and cursors are checked here, so a bad one is this field's error, not the batch's.
        var page = new NeighbourPage(NodeViews.KeyOf(context.Source), PageArguments.From(context).Offsets());
        var loader = context.Request.GetDataLoader<NeighbourPage, object, NeighbourListField>(
            _loaderName, this, static (field, request) => (pages, _) => field.LoadPagesAsync(request, pages));
        return loader.LoadValueAsync(page);
    }

    private async Task<IReadOnlyDictionary<NeighbourPage, object>> LoadPagesAsync(RequestContext request, IReadOnlyList<NeighbourPage> pages)
    {
        var parents = new NodeKey[pages.Count];
        for (var i = 0; i < parents.Length; i++)
        {
            parents[i] = pages[i].Node;
        }
        var edgesOf = await Loaders.Edges(request, _store, _direction, _kind).LoadManyAsync(parents);

        // Each page's slice of its parent's list, and all the pages' neighbours in one key array.
        var lists = new IReadOnlyList<EdgeRecord>[pages.Count];
        var starts = new int[pages.Count];
        var ends = new int[pages.Count];
        var total = 0;
        for (var i = 0; i < lists.Length; i++)
        {
            var edges = edgesOf[i] ?? [];
            lists[i] = _only is { } wanted ? [.. edges.Where(e => Far(e).Kind == wanted)] : edges;
            (starts[i], ends[i]) = pages[i].Page.Slice(lists[i].Count);
            total += ends[i] - starts[i];
        }
        var keys = new NodeKey[total];
        for (int i = 0, k = 0; i < lists.Length; i++)
        {
            for (var e = starts[i]; e < ends[i]; e++)
            {
                keys[k++] = Far(lists[i][e]);
            }
        }
        var records = await Loaders.Nodes(request, _store).LoadManyAsync(keys);

        var connections = new Dictionary<NeighbourPage, object>(pages.Count);
        for (int i = 0, k = 0; i < lists.Length; k += ends[i] - starts[i], i++)
        {
            connections.TryAdd(pages[i], Page(lists[i], starts[i], ends[i], records, k));
        }
        return connections;
    }

    // One page's connection: the nodes of list[start..end), read from records from offset on.
    private static Connection Page(IReadOnlyList<EdgeRecord> list, int start, int end, NodeRecord?[] records, int offset)
    {
        // Filled in place: every page of every parent builds these, and nodes are rarely missing.
        var length = end - start;
        var views = new NodeView[length];
        var offsets = new int[length];
        var properties = new object?[length];
        var count = 0;
        for (var i = 0; i < length; i++)
        {
            if (records[offset + i] is { } record && NodeViews.From(record) is { } view)
            {
                views[count] = view;
                offsets[count] = start + i;
                properties[count] = list[start + i].Properties;
                count++;
            }
        }
        if (count < length)
        {
            (views, offsets, properties) = (views[..count], offsets[..count], properties[..count]);
        }
        return Connections.ByOffset(views, offsets, properties, start > 0, end < list.Count, list.Count);
    }

    private NodeKey Far(EdgeRecord edge) => _direction == EdgeDirection.Outgoing ? edge.To : edge.From;
}

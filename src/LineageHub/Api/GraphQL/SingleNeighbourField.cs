using LineageHub.Core.Domain;
using LineageHub.Core.Storage;
using LineageHub.GraphQL.Execution;

namespace LineageHub.Api.GraphQL;

/// <summary>
/// A neighbour there is at most one of (a run's commit, its model version): the first outgoing edge of a
/// kind to a node of a kind. Every parent of a level is one DataLoader batch, reading edges and then nodes
/// through the request's shared loaders, as <see cref="NeighbourListField"/> does.
/// </summary>
internal sealed class SingleNeighbourField
{
    private readonly ILineageStore _store;
    private readonly EdgeKind _kind;
    private readonly NodeKind _target;
    private readonly string _loaderName;

    public SingleNeighbourField(ILineageStore store, string type, string field, EdgeKind kind, NodeKind target)
    {
        _store = store;
        _kind = kind;
        _target = target;
        _loaderName = "neighbour:" + type + "." + field;
    }

    public ValueTask<object?> Resolve(ResolveFieldContext context)
    {
        var loader = context.Request.GetDataLoader<NodeKey, object, SingleNeighbourField>(
            _loaderName, this, static (field, request) => (parents, _) => field.LoadAsync(request, parents));
        return loader.LoadValueAsync(NodeViews.KeyOf(context.Source));
    }

    private async Task<IReadOnlyDictionary<NodeKey, object>> LoadAsync(RequestContext request, IReadOnlyList<NodeKey> parents)
    {
        var edgesOf = await Loaders.Edges(request, _store, EdgeDirection.Outgoing, _kind).LoadManyAsync(parents);
        var owners = new List<NodeKey>(parents.Count);
        var targets = new List<NodeKey>(parents.Count);
        for (var i = 0; i < parents.Count; i++)
        {
            foreach (var edge in edgesOf[i] ?? [])
            {
                if (edge.To.Kind == _target)
                {
                    owners.Add(parents[i]);
                    targets.Add(edge.To);
                    break;
                }
            }
        }
        var records = await Loaders.Nodes(request, _store).LoadManyAsync(targets);
        var views = new Dictionary<NodeKey, object>(owners.Count);
        for (var i = 0; i < owners.Count; i++)
        {
            if (records[i] is { } record && NodeViews.From(record) is { } view)
            {
                views.TryAdd(owners[i], view);
            }
        }
        return views;
    }
}

using LineageHub.Api.Contracts;
using LineageHub.Client;
using LineageHub.Core;

namespace LineageHub.Cli;

/// <summary>A node's record and its edges one step away in both directions, through any store or server.</summary>
internal sealed record Neighbours(NodeJson Node, IReadOnlyList<LineageEdgeJson> Edges)
{
    // A node's own edges are few (a run's inputs, a model's versions); this bounds a pathological one.
    private const int MaxNeighbours = 100_000;

    public static async Task<Neighbours> OfAsync(ILineageService service, string id, CancellationToken cancellationToken)
    {
        var node = await service.FindNodeAsync(id, cancellationToken) ?? throw LineageHubException.NotFound($"no node {id}");
        var walk = await service.LineageAsync(new LineageQuery(id, "both", Depth: 1, MaxNodes: MaxNeighbours), cancellationToken);
        return new Neighbours(node, [.. walk.Edges.Where(e => e.From == id || e.To == id)]);
    }

    /// <summary>The far ends of this node's outgoing edges of <paramref name="kind"/>, in key order.</summary>
    public IReadOnlyList<string> Out(string kind) => [.. Edges.Where(e => e.Kind == kind && e.From == Node.Id).Select(e => e.To).Order(StringComparer.Ordinal)];

    /// <summary>The far ends of this node's incoming edges of <paramref name="kind"/>, in key order.</summary>
    public IReadOnlyList<string> In(string kind) => [.. Edges.Where(e => e.Kind == kind && e.To == Node.Id).Select(e => e.From).Order(StringComparer.Ordinal)];
}

using System.Text.Json;
using LineageHub.Core.Domain;
using LineageHub.Core.Storage;
using LineageHub.GraphQL.Types;

namespace LineageHub.Api.GraphQL;

// Each node type's neighbours: graph edges read through the edge loaders, then the nodes at their other
// ends through the node loader, so every level of a query is one store call per edge kind.
public static partial class LineageSchema
{
    private static void BindNodes(Schema schema, ILineageStore store)
    {
        Neighbours(schema, store, "Dataset", "versions", EdgeDirection.Incoming, EdgeKind.VersionOf);
        Neighbours(schema, store, "Dataset", "suppliedBy", EdgeDirection.Outgoing, EdgeKind.SuppliedBy);

        Named(schema, store, "DatasetVersion", "dataset", "datasetKey");
        Neighbours(schema, store, "DatasetVersion", "producedBy", EdgeDirection.Incoming, EdgeKind.Wrote);
        Neighbours(schema, store, "DatasetVersion", "consumedBy", EdgeDirection.Incoming, EdgeKind.Read);
        Neighbours(schema, store, "DatasetVersion", "derivedFrom", EdgeDirection.Outgoing, EdgeKind.DerivedFrom);

        Neighbours(schema, store, "SourceSystem", "datasets", EdgeDirection.Incoming, EdgeKind.SuppliedBy, NodeKind.Dataset);

        Neighbours(schema, store, "Job", "runs", EdgeDirection.Incoming, EdgeKind.RunOf);

        Named(schema, store, "Run", "job", "jobKey");
        Neighbours(schema, store, "Run", "inputs", EdgeDirection.Outgoing, EdgeKind.Read);
        Neighbours(schema, store, "Run", "outputs", EdgeDirection.Outgoing, EdgeKind.Wrote);
        One(schema, store, "Run", "commit", EdgeKind.UsedCode, NodeKind.Commit);
        Neighbours(schema, store, "Run", "sourceFiles", EdgeDirection.Outgoing, EdgeKind.UsedCode, NodeKind.SourceFile);
        One(schema, store, "Run", "model", EdgeKind.Produced, NodeKind.ModelVersion);

        Neighbours(schema, store, "Model", "versions", EdgeDirection.Incoming, EdgeKind.VersionOf);

        Named(schema, store, "ModelVersion", "model", "modelKey");
        Neighbours(schema, store, "ModelVersion", "producedBy", EdgeDirection.Incoming, EdgeKind.Produced);

        Neighbours(schema, store, "Repository", "commits", EdgeDirection.Incoming, EdgeKind.InRepo, NodeKind.Commit);

        Named(schema, store, "Commit", "repository", "repositoryKey");
        Neighbours(schema, store, "Commit", "parents", EdgeDirection.Outgoing, EdgeKind.Parent);

        Named(schema, store, "SourceFile", "repository", "repositoryKey");

        // Parsed only when asked for: most queries never select an edge's properties.
        schema.Resolve("DatasetVersionEdge", "properties", ctx =>
            ctx.Source is IReadOnlyDictionary<string, object?> edge && edge.TryGetValue(Connections.PropertiesEntry, out var bytes) && bytes is byte[] json
                ? JsonDocument.Parse(json).RootElement.Clone()
                : null);
        schema.Resolve("LineageNode", "node", async ctx => await NodeAsync(ctx, store, NodeViews.KeyOf(ctx.Source)));
    }

    private static async Task<NodeView?> NodeAsync(LineageHub.GraphQL.Execution.ResolveFieldContext context, ILineageStore store, NodeKey key) =>
        await Loaders.Nodes(context, store).LoadAsync(key) is { } record ? NodeViews.From(record) : null;

    private static void Named(Schema schema, ILineageStore store, string type, string field, string entry) =>
        schema.Resolve(type, field, async ctx => await NodeAsync(ctx, store, NodeViews.Named(ctx.Source, entry)));

    private static void One(Schema schema, ILineageStore store, string type, string field, EdgeKind kind, NodeKind target) =>
        schema.Resolve(type, field, new SingleNeighbourField(store, type, field, kind, target).Resolve);

    private static void Neighbours(Schema schema, ILineageStore store, string type, string field, EdgeDirection direction, EdgeKind kind, NodeKind? only = null) =>
        schema.Resolve(type, field, new NeighbourListField(store, type, field, direction, kind, only).Resolve);
}

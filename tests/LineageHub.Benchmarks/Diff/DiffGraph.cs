using System.Globalization;
using System.Text.Json;
using LineageHub.Benchmarks.Foundation;
using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;
using LineageHub.Core.Ledger;
using LineageHub.Core.Registration;
using LineageHub.Storage.Sqlite;

namespace LineageHub.Benchmarks.Diff;

/// <summary>
/// Two model versions over the Foundation benchmark's layered DAG of dataset versions (DERIVED_FROM edges),
/// each with a stored chunk list of <see cref="Chunks"/> chunks. Model v1's training run reads the whole top
/// layer; v2's reads it with <c>changed</c> of those datasets at a new version (one chunk different, the same
/// parents) and another learning rate. So the closures share everything but those versions, the run and the
/// model version.
/// </summary>
public sealed class DiffGraph(LayeredDag dag, int changed)
{
    private const int Chunks = 8;

    public static NodeKey V1 => new ModelVersionId(new ModelId("bench-model"), "1").Key;

    public static NodeKey V2 => new ModelVersionId(new ModelId("bench-model"), "2").Key;

    public async Task LoadAsync(SqliteLineageStore store, CancellationToken cancellationToken)
    {
        var versions = Enumerable.Range(0, dag.NodeCount).Select(i => Version(i, revision: 0)).ToArray();
        var edgesByChild = dag.Edges().ToLookup(e => e.Child / dag.Width);
        for (var layer = 0; layer < dag.Layers; layer++)
        {
            var builder = ChangeSet.Builder("bench");
            for (var i = 0; i < dag.Width; i++)
            {
                builder.Add(versions[(layer * dag.Width) + i]);
            }
            foreach (var (child, parent) in edgesByChild[layer])
            {
                builder.Link(EdgeKind.DerivedFrom, versions[child].Key, versions[parent].Key);
            }
            await store.AppendAsync(builder.Build(), cancellationToken);
        }

        var top = Enumerable.Range((dag.Layers - 1) * dag.Width, dag.Width).ToArray();
        var parents = dag.Edges().Where(e => e.Child >= top[0]).ToLookup(e => e.Child, e => e.Parent);
        // Spread the changed datasets over the top layer.
        var step = Math.Max(1, dag.Width / Math.Max(1, changed));
        var replaced = top.Where((_, i) => i % step == 0).Take(changed).ToHashSet();
        var newer = ChangeSet.Builder("bench");
        foreach (var node in replaced)
        {
            var version = Version(node, revision: 1);
            newer.Add(version);
            foreach (var parent in parents[node])
            {
                newer.Link(EdgeKind.DerivedFrom, version.Key, versions[parent].Key);
            }
        }
        await store.AppendAsync(newer.Build(), cancellationToken);

        var runs = new RunRegistrar(store);
        foreach (var (model, learningRate, accuracy, inputs) in new[]
        {
            ("1", "0.05", 0.91, top.Select(n => versions[n].Id).ToList()),
            ("2", "0.01", 0.84, top.Select(n => replaced.Contains(n) ? Version(n, 1).Id : versions[n].Id).ToList()),
        })
        {
            await runs.RegisterAsync(new RunRegistration(new JobId("bench", "train"), JobType.Training, Guid.NewGuid(), RunStatus.Completed,
                Parameters: new Dictionary<string, string> { ["learning_rate"] = learningRate },
                Inputs: inputs,
                Produced: new ModelVersion("bench-model", model, Metrics: new Dictionary<string, double> { ["accuracy"] = accuracy })), cancellationToken: cancellationToken);
        }
    }

    // A table version of dataset d{node}: its chunk list (the revision changes chunk 3) and a root over it.
    private static DatasetVersion Version(int node, int revision)
    {
        var chunks = Enumerable.Range(0, Chunks).Select(c => new
        {
            firstRow = c * 1000,
            rows = 1000,
            root = Digest.Of(System.Text.Encoding.UTF8.GetBytes($"{node}/{c}/{(c == 3 ? revision : 0)}")).ToString(),
            firstKey = (c * 1000).ToString(CultureInfo.InvariantCulture),
            lastKey = ((c * 1000) + 999).ToString(CultureInfo.InvariantCulture),
        }).ToArray();
        var metadata = JsonSerializer.SerializeToElement(new { format = "lineagehub-snapshot/1", mode = "table", fileFormat = "parquet", columns = new[] { "id", "value" }, key = "id", rows = Chunks * 1000, chunks });
        return new DatasetVersion("bench", "d" + node.ToString(CultureInfo.InvariantCulture), Digest.Of(JsonSerializer.SerializeToUtf8Bytes(metadata)), SnapshotMode.Table,
            Chunks * 1000, Chunks * 64_000, "parquet", null, Digest.Of("id,value"u8), Snapshot: metadata);
    }
}

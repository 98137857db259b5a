using System.CommandLine;
using System.Text;
using LineageHub.Api.Contracts;

namespace LineageHub.Cli;

/// <summary><c>lineagehub lineage NODE</c>: a bounded walk up or down the graph.</summary>
public sealed class LineageCommand : ICliVerb
{
    public int Order => 30;

    public Command Build()
    {
        var options = new StoreOptions();
        var node = new Argument<string>("node") { Description = "The node id to start from, kind:key (e.g. model_version:credit|7)" };
        var direction = new Option<string>("--direction") { Description = "upstream, downstream or both", DefaultValueFactory = _ => "upstream" };
        var depth = new Option<int?>("--depth") { Description = "How many edges away to go" };
        var maxNodes = new Option<int?>("--max-nodes") { Description = "The most nodes to return" };
        var asOf = new Option<string?>("--as-of") { Description = "A ledger size, or an ISO-8601 time with a zone: the graph exactly as it was then" };
        var edgeKinds = new Option<string?>("--edge-kinds") { Description = "Only follow these edge kinds, comma-separated (READ,WROTE,…)" };
        var timeout = new Option<double?>("--timeout") { Description = "The time budget in seconds" };
        var command = new Command("lineage", "Walk the lineage graph from a node, within budgets; says when a budget cut the walk short.")
        {
            node, direction, depth, maxNodes, asOf, edgeKinds, timeout,
        };
        options.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            await using var service = await options.OpenAsync(parse, ct);
            var query = new LineageQuery(parse.GetValue(node)!, parse.GetValue(direction)!, parse.GetValue(depth), parse.GetValue(maxNodes), parse.GetValue(asOf), parse.GetValue(edgeKinds), parse.GetValue(timeout));
            var result = await service.LineageAsync(query, ct);
            Output.Print(parse.GetValue(options.Json), result, Describe);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(LineageJson result)
    {
        var text = new StringBuilder();
        text.Append($"{result.Nodes.Count} nodes, {result.Edges.Count} edges from {result.Start} (ledger size {result.AsOfSize})");
        if (result.Truncated)
        {
            text.Append($"\nTRUNCATED by the {result.Truncation} budget: there is more beyond what is listed");
        }
        foreach (var node in result.Nodes)
        {
            text.Append('\n').Append(new string(' ', 2 * Math.Min(node.Depth, 20))).Append(node.Id);
        }
        return text.ToString();
    }
}

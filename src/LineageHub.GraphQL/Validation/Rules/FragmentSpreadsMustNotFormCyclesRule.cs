using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.5.2.2 Fragment spreads must not form cycles. Depth-first over fragments, each visited once,
/// reporting each cycle once (as graphql-js's NoFragmentCycles does).
/// </summary>
internal sealed class FragmentSpreadsMustNotFormCyclesRule : ValidationRule
{
    public override string Name => "Fragment Spreads Must Not Form Cycles";

    public override string SpecSection => "5.5.2.2";

    public override void LeaveDocument(ValidationContext context, DocumentNode node)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<FragmentSpreadNode>();
        var pathIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var fragment in node.Definitions.OfType<FragmentDefinitionNode>())
        {
            Detect(context, fragment, visited, path, pathIndex);
        }
    }

    private void Detect(ValidationContext context, FragmentDefinitionNode fragment, HashSet<string> visited, List<FragmentSpreadNode> path, Dictionary<string, int> pathIndex)
    {
        if (!visited.Add(fragment.Name))
        {
            return;
        }
        var spreads = context.Spreads.GetValueOrDefault(fragment);
        if (spreads is null || spreads.Count == 0)
        {
            return;
        }
        pathIndex[fragment.Name] = path.Count;
        foreach (var spread in spreads)
        {
            if (!pathIndex.TryGetValue(spread.Name, out var cycleIndex))
            {
                path.Add(spread);
                if (context.Fragments.TryGetValue(spread.Name, out var target))
                {
                    Detect(context, target.Definition, visited, path, pathIndex);
                }
                path.RemoveAt(path.Count - 1);
            }
            else
            {
                var cycle = path.Skip(cycleIndex).ToList();
                var via = cycle.Select(s => s.Name).ToList();
                context.Report(this, ValidationMessages.FragmentCycle(spread.Name, via), [.. cycle, spread]);
            }
        }
        pathIndex.Remove(fragment.Name);
    }
}

using System.Text;
using LineageHub.Core.Domain;

namespace LineageHub.Core.Ledger;

/// <summary>
/// Decides what a change set adds, before anything is written: a node or edge already recorded with
/// the same content is unchanged; with other content, a conflict; an edge must join nodes that exist
/// (stored or in the same change set) of the kinds its kind allows. Every problem is reported at once,
/// and any problem rejects the whole change set. Shared by every store adapter.
/// </summary>
public static class ChangeSetPlanner
{
    private const int MaxProblemsListed = 20;

    public static ChangePlan Plan(ChangeSet changes, IFactLookup store)
    {
        if (changes.Count == 0)
        {
            throw LineageHubException.InvalidInput("the change set is empty");
        }
        if (changes.Count > ChangeSet.MaxFacts)
        {
            throw LineageHubException.InvalidInput($"the change set has {changes.Count} facts; the limit is {ChangeSet.MaxFacts}");
        }

        var problems = new List<string>();
        var conflict = false;
        var newNodes = new List<NodeFact>();
        var inThisSet = new Dictionary<NodeKey, byte[]>();
        var nodesUnchanged = 0;
        foreach (var node in changes.Nodes)
        {
            if (inThisSet.TryGetValue(node.Key, out var earlier))
            {
                if (!earlier.AsSpan().SequenceEqual(node.Properties))
                {
                    conflict = true;
                    problems.Add($"node {node.Key} is given twice with different content: {Show(earlier)} and {Show(node.Properties)}");
                }
                nodesUnchanged++;
                continue;
            }
            inThisSet[node.Key] = node.Properties;
            var stored = store.NodeExists(node.Key) ? store.NodeProperties(node.Key) : null;
            if (stored is null)
            {
                newNodes.Add(node);
            }
            else if (stored.AsSpan().SequenceEqual(node.Properties))
            {
                nodesUnchanged++;
            }
            else
            {
                conflict = true;
                problems.Add($"node {node.Key} is already recorded with different content: stored {Show(stored)}, given {Show(node.Properties)}");
            }
        }

        var newEdges = new List<EdgeFact>();
        var edgesInThisSet = new Dictionary<(EdgeKind, NodeKey, NodeKey), byte[]>();
        var edgesUnchanged = 0;
        foreach (var edge in changes.Edges)
        {
            if (!EdgeRules.Allows(edge.Kind, edge.From.Kind, edge.To.Kind))
            {
                problems.Add($"edge {edge} joins a {NodeKinds.Name(edge.From.Kind)} to a {NodeKinds.Name(edge.To.Kind)}; {EdgeRules.Name(edge.Kind)} joins {EdgeRules.Describe(edge.Kind)}");
                continue;
            }
            foreach (var end in (ReadOnlySpan<NodeKey>)[edge.From, edge.To])
            {
                if (!inThisSet.ContainsKey(end) && !store.NodeExists(end))
                {
                    problems.Add($"edge {edge} names node {end}, which does not exist");
                }
            }
            var id = (edge.Kind, edge.From, edge.To);
            if (edgesInThisSet.TryGetValue(id, out var earlier))
            {
                if (!earlier.AsSpan().SequenceEqual(edge.Properties))
                {
                    conflict = true;
                    problems.Add($"edge {edge} is given twice with different properties");
                }
                edgesUnchanged++;
                continue;
            }
            edgesInThisSet[id] = edge.Properties;
            var stored = store.EdgeProperties(edge.Kind, edge.From, edge.To);
            if (stored is null)
            {
                newEdges.Add(edge);
            }
            else if (stored.AsSpan().SequenceEqual(edge.Properties))
            {
                edgesUnchanged++;
            }
            else
            {
                conflict = true;
                problems.Add($"edge {edge} is already recorded with properties {Show(stored)}, given {Show(edge.Properties)}");
            }
        }

        if (problems.Count == 0)
        {
            edgesUnchanged += DeriveDatasetLineage(newEdges, edgesInThisSet, store);
        }

        if (problems.Count > 0)
        {
            var message = new StringBuilder("the change set was rejected; nothing was written:");
            foreach (var problem in problems.Take(MaxProblemsListed))
            {
                message.Append("\n  - ").Append(problem);
            }
            if (problems.Count > MaxProblemsListed)
            {
                message.Append($"\n  … and {problems.Count - MaxProblemsListed} more");
            }
            throw new LineageHubException(conflict ? ErrorCode.Conflict : ErrorCode.InvalidInput, message.ToString());
        }
        return new ChangePlan(newNodes, newEdges, nodesUnchanged, edgesUnchanged);
    }

    // A run that READ version A and WROTE version B makes B DERIVED_FROM A. Derived here, in the same
    // change set and ledger entry as the edges that imply it, so dataset-to-dataset lineage needs no
    // walk through runs and is never out of date. Returns how many derived edges were already recorded.
    private static int DeriveDatasetLineage(List<EdgeFact> newEdges, Dictionary<(EdgeKind, NodeKey, NodeKey), byte[]> inThisSet, IFactLookup store)
    {
        var unchanged = 0;
        var derived = new List<EdgeFact>();
        var givenHere = inThisSet.Keys
            .Where(k => k.Item1 is EdgeKind.Read or EdgeKind.Wrote)
            .ToLookup(k => (k.Item1, k.Item2), k => k.Item3);
        IEnumerable<NodeKey> Targets(NodeKey run, EdgeKind kind) => store.Targets(run, kind).Concat(givenHere[(kind, run)]).Distinct();

        foreach (var edge in newEdges)
        {
            var pairs = edge.Kind switch
            {
                EdgeKind.Read => Targets(edge.From, EdgeKind.Wrote).Select(output => (Output: output, Input: edge.To)),
                EdgeKind.Wrote => Targets(edge.From, EdgeKind.Read).Select(input => (Output: edge.To, Input: input)),
                _ => [],
            };
            foreach (var (output, input) in pairs)
            {
                if (output == input)
                {
                    continue;
                }
                var id = (EdgeKind.DerivedFrom, output, input);
                if (inThisSet.ContainsKey(id))
                {
                    continue;
                }
                inThisSet[id] = EdgeFact.NoProperties;
                if (store.EdgeProperties(EdgeKind.DerivedFrom, output, input) is null)
                {
                    derived.Add(new EdgeFact(EdgeKind.DerivedFrom, output, input, EdgeFact.NoProperties));
                }
                else
                {
                    unchanged++;
                }
            }
        }
        newEdges.AddRange(derived);
        return unchanged;
    }

    private static string Show(byte[] properties)
    {
        var text = Encoding.UTF8.GetString(properties);
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}

using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.3.2 Field Selection Merging (FieldsInSetCanMerge, SameResponseShape): fields sharing a
/// response name must be the same field with the same arguments unless their parents are distinct
/// object types, and must have compatible response shapes.
/// </summary>
internal sealed partial class FieldSelectionMergingRule : ValidationRule
{
    public override string Name => "Field Selection Merging";

    public override string SpecSection => "5.3.2";

    private readonly Dictionary<SelectionSetNode, (NamedType? Type, CollectedFields Fields)> _collected = new(ReferenceEqualityComparer.Instance);

    private readonly record struct FieldInfo(NamedType? ParentType, FieldNode Node, FieldDefinition? Definition, string? Origin);

    private sealed record Conflict(string ResponseName, object Reason, List<FieldNode> Nodes1, List<FieldNode> Nodes2);

    public override void EnterSelectionSet(ValidationContext context, SelectionSetNode node)
    {
        if (HasOnlyDistinctFields(node))
        {
            // Nothing merges at this level, and each sub-selection is checked when the walk reaches it.
            return;
        }
        var fields = Collect(context, context.ParentType, node);
        for (var group = 0; group < fields.GroupCount; group++)
        {
            var candidates = fields.GroupAt(group);
            if (candidates.Length < 2)
            {
                continue;
            }
            var responseName = fields.NameOf(group);
            var distinct = Deduplicate(candidates);
            for (var i = 0; i < distinct.Length; i++)
            {
                for (var j = i + 1; j < distinct.Length; j++)
                {
                    // Pairs inside one spread fragment are checked (once) when that fragment is walked.
                    if (distinct[i].Origin is not null && distinct[i].Origin == distinct[j].Origin)
                    {
                        continue;
                    }
                    if (FindConflict(context, responseName, false, distinct[i], distinct[j]) is { } conflict)
                    {
                        context.Report(this, ValidationMessages.FieldConflict(responseName, ReasonMessage(conflict.Reason)),
                            [.. conflict.Nodes1, .. conflict.Nodes2]);
                    }
                }
            }
        }
    }

    private static bool HasOnlyDistinctFields(SelectionSetNode node)
    {
        var selections = node.Selections;
        if (selections.Count > 32)
        {
            var keys = new HashSet<string>(selections.Count, StringComparer.Ordinal);
            foreach (var selection in selections)
            {
                if (selection is not FieldNode field || !keys.Add(field.ResponseKey))
                {
                    return false;
                }
            }
            return true;
        }
        for (var i = 0; i < selections.Count; i++)
        {
            if (selections[i] is not FieldNode a)
            {
                return false;
            }
            for (var j = 0; j < i; j++)
            {
                if (((FieldNode)selections[j]).ResponseKey == a.ResponseKey)
                {
                    return false;
                }
            }
        }
        return true;
    }

    // Identical leaf selections (same parent, name, arguments) never conflict with each other, so in
    // large groups one of each is kept: that bounds the pairwise work on documents repeating a field
    // thousands of times. Small groups keep every copy so each conflicting pair is reported, as graphql-js does.
    private const int DeduplicationThreshold = 64;

    private static ReadOnlySpan<FieldInfo> Deduplicate(ReadOnlySpan<FieldInfo> group)
    {
        if (group.Length <= DeduplicationThreshold)
        {
            return group;
        }
        var seen = new HashSet<(NamedType?, string, string, string?)>();
        var result = new List<FieldInfo>(group.Length);
        foreach (var field in group)
        {
            if (field.Node.SelectionSet is null)
            {
                var key = (field.ParentType, field.Node.Name, ArgumentsKey(field.Node.Arguments), field.Origin);
                if (!seen.Add(key))
                {
                    continue;
                }
            }
            result.Add(field);
        }
        return result.ToArray();
    }

    private static string ArgumentsKey(IReadOnlyList<ArgumentNode> arguments) =>
        arguments.Count == 0 ? "" : string.Join(",", arguments.Select(Printer.Print).Order(StringComparer.Ordinal));

    private static string ReasonMessage(object reason) => reason switch
    {
        string s => s,
        List<Conflict> subs => string.Join(" and ", subs.Select(c => $"subfields \"{c.ResponseName}\" conflict because {ReasonMessage(c.Reason)}")),
        _ => "",
    };

    private Conflict? FindConflict(ValidationContext context, string responseName, bool parentsMutuallyExclusive, FieldInfo a, FieldInfo b)
    {
        var mutuallyExclusive = parentsMutuallyExclusive ||
            (a.ParentType != b.ParentType && a.ParentType is ObjectType && b.ParentType is ObjectType);
        if (!mutuallyExclusive)
        {
            if (a.Node.Name != b.Node.Name)
            {
                return new Conflict(responseName, $"\"{a.Node.Name}\" and \"{b.Node.Name}\" are different fields", [a.Node], [b.Node]);
            }
            if (!SameArguments(a.Node.Arguments, b.Node.Arguments))
            {
                return new Conflict(responseName, "they have differing arguments", [a.Node], [b.Node]);
            }
        }
        var typeA = a.Definition?.Type;
        var typeB = b.Definition?.Type;
        if (typeA is not null && typeB is not null && DoTypesConflict(typeA, typeB))
        {
            return new Conflict(responseName, $"they return conflicting types \"{typeA}\" and \"{typeB}\"", [a.Node], [b.Node]);
        }
        if (a.Node.SelectionSet is { } setA && b.Node.SelectionSet is { } setB)
        {
            var fieldsA = Collect(context, typeA?.NamedType, setA);
            var fieldsB = Collect(context, typeB?.NamedType, setB);
            List<Conflict>? subConflicts = null;
            for (var group = 0; group < fieldsA.GroupCount; group++)
            {
                var name = fieldsA.NameOf(group);
                var groupB = fieldsB.Find(name);
                if (groupB.IsEmpty)
                {
                    continue;
                }
                var distinctB = Deduplicate(groupB);
                foreach (var fa in Deduplicate(fieldsA.GroupAt(group)))
                {
                    foreach (var fb in distinctB)
                    {
                        if (FindConflict(context, name, mutuallyExclusive, fa, fb) is { } sub)
                        {
                            (subConflicts ??= []).Add(sub);
                        }
                    }
                }
            }
            if (subConflicts is not null)
            {
                return new Conflict(responseName, subConflicts,
                    [a.Node, .. subConflicts.SelectMany(c => c.Nodes1)],
                    [b.Node, .. subConflicts.SelectMany(c => c.Nodes2)]);
            }
        }
        return null;
    }

    private static bool SameArguments(IReadOnlyList<ArgumentNode> a, IReadOnlyList<ArgumentNode> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        foreach (var argA in a)
        {
            var argB = b.FirstOrDefault(x => x.Name == argA.Name);
            if (argB is null || Printer.Print(argA.Value) != Printer.Print(argB.Value))
            {
                return false;
            }
        }
        return true;
    }

    // SameResponseShape on types: wrappers must match, leaves must be the same type.
    private static bool DoTypesConflict(GraphQLType a, GraphQLType b)
    {
        if (a is ListType la)
        {
            return b is not ListType lb || DoTypesConflict(la.OfType, lb.OfType);
        }
        if (b is ListType)
        {
            return true;
        }
        if (a is NonNullType na)
        {
            return b is not NonNullType nb || DoTypesConflict(na.OfType, nb.OfType);
        }
        if (b is NonNullType)
        {
            return true;
        }
        if (a.IsLeaf || b.IsLeaf)
        {
            return a != b;
        }
        return false;
    }
}

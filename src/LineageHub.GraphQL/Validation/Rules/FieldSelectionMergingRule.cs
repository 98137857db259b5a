using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.3.2 Field Selection Merging (FieldsInSetCanMerge, SameResponseShape): fields sharing a
/// response name must be the same field with the same arguments unless their parents are distinct
/// object types, and must have compatible response shapes.
/// </summary>
/// <remarks>
/// Collected fields live in one arena (<see cref="FieldArena"/>) shared by the whole validation run: a
/// selection set's fields are pushed as a segment, grouped by response name in place, compared, and
/// popped again, so checking a document allocates nothing unless it finds a conflict.
/// </remarks>
internal sealed partial class FieldSelectionMergingRule : ValidationRule
{
    public override string Name => "Field Selection Merging";

    public override string SpecSection => "5.3.2";

    private readonly FieldArena _arena = new();

    private sealed record Conflict(string ResponseName, object Reason, List<FieldNode> Nodes1, List<FieldNode> Nodes2);

    public override void EnterSelectionSet(ValidationContext context, SelectionSetNode node)
    {
        if (HasOnlyDistinctFields(node) || MergesAcrossPlainSpreads(context, node))
        {
            // Nothing merges at this level, or what merges was compared in place; each sub-selection is
            // checked when the walk reaches it.
            return;
        }
        var start = Collect(context, context.ParentType, node);
        var end = _arena.Top;
        _arena.GroupByResponseName(start, end);
        for (var group = start; group < end;)
        {
            var groupEnd = _arena.GroupEnd(group, end);
            var distinctEnd = Deduplicate(group, groupEnd);
            var responseName = _arena[group].Node.ResponseKey;
            var subSelections = CollectSubSelections(context, group, distinctEnd);
            for (var i = group; i < distinctEnd; i++)
            {
                for (var j = i + 1; j < distinctEnd; j++)
                {
                    // Copies, not references: a nested comparison may grow (move) the arena.
                    var a = _arena[i];
                    var b = _arena[j];
                    // Pairs inside one spread fragment are checked (once) when that fragment is walked.
                    if (a.Origin is not null && a.Origin == b.Origin)
                    {
                        continue;
                    }
                    var subA = subSelections?[i - group];
                    var subB = subSelections?[j - group];
                    // graphql-js compares a set's own fields against each spread fragment's, so a field
                    // of the set comes first in the message even when it follows the spread.
                    if (a.Origin is not null && b.Origin is null)
                    {
                        (a, b) = (b, a);
                        (subA, subB) = (subB, subA);
                    }
                    if (FindConflict(context, responseName, false, a, b, subA, subB) is { } conflict)
                    {
                        context.Report(this, ValidationMessages.FieldConflict(responseName, ReasonMessage(conflict.Reason)),
                            [.. conflict.Nodes1, .. conflict.Nodes2]);
                    }
                }
            }
            _arena.Top = end;
            group = groupEnd;
        }
        _arena.Top = start;
    }

    /// <summary>
    /// For a group too large to compare pair by pair cheaply, each member's sub-selection collected and
    /// grouped once, above the group, so its n² comparisons do not collect both sides every time; null
    /// for ordinary groups.
    /// </summary>
    private Segment?[]? CollectSubSelections(ValidationContext context, int group, int end)
    {
        if (end - group <= DeduplicationThreshold)
        {
            return null;
        }
        var segments = new Segment?[end - group];
        for (var i = group; i < end; i++)
        {
            var field = _arena[i];
            if (field.Node.SelectionSet is { } set)
            {
                segments[i - group] = CollectGrouped(context, field.Definition(context)?.Type.NamedType, set);
            }
        }
        return segments;
    }

    private Segment CollectGrouped(ValidationContext context, NamedType? parentType, SelectionSetNode set)
    {
        var start = Collect(context, parentType, set);
        _arena.GroupByResponseName(start, _arena.Top);
        return new Segment(start, _arena.Top);
    }

    private static string ReasonMessage(object reason) => reason switch
    {
        string s => s,
        List<Conflict> subs => string.Join(" and ", subs.Select(c => $"subfields \"{c.ResponseName}\" conflict because {ReasonMessage(c.Reason)}")),
        _ => "",
    };

    private Conflict? FindConflict(ValidationContext context, string responseName, bool parentsMutuallyExclusive, FieldInfo a, FieldInfo b, Segment? subA = null, Segment? subB = null)
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
        GraphQLType? typeA, typeB;
        if (a.ParentType == b.ParentType && a.Node.Name == b.Node.Name)
        {
            // One parent and one field name make one definition: the types are the same, and are looked up
            // only if there are sub-selections to compare. Most compared pairs are of this kind.
            if (a.Node.SelectionSet is null || b.Node.SelectionSet is null)
            {
                return null;
            }
            typeA = typeB = a.Definition(context)?.Type;
        }
        else
        {
            typeA = a.Definition(context)?.Type;
            typeB = b.Definition(context)?.Type;
            if (typeA is not null && typeB is not null && DoTypesConflict(typeA, typeB))
            {
                return new Conflict(responseName, $"they return conflicting types \"{typeA}\" and \"{typeB}\"", [a.Node], [b.Node]);
            }
        }
        if (a.Node.SelectionSet is not { } setA || b.Node.SelectionSet is not { } setB)
        {
            return null;
        }
        if (subA is null && subB is null && IsPlain(setA) && IsPlain(setB))
        {
            return WithSubConflicts(a, b, responseName, FindPlainSubfieldConflicts(context, mutuallyExclusive, typeA?.NamedType, setA, typeB?.NamedType, setB));
        }
        // Sub-selections not collected by the caller are pushed here and popped once compared.
        var top = _arena.Top;
        var subConflicts = FindSubfieldConflicts(context, mutuallyExclusive, subA ?? CollectGrouped(context, typeA?.NamedType, setA), subB ?? CollectGrouped(context, typeB?.NamedType, setB));
        _arena.Top = top;
        return WithSubConflicts(a, b, responseName, subConflicts);
    }

    private static Conflict? WithSubConflicts(FieldInfo a, FieldInfo b, string responseName, List<Conflict>? subConflicts) =>
        subConflicts is null
            ? null
            : new Conflict(responseName, subConflicts,
                [a.Node, .. subConflicts.SelectMany(c => c.Nodes1)],
                [b.Node, .. subConflicts.SelectMany(c => c.Nodes2)]);

    // A short selection set of fields only, each with its own response name: collected, it would be
    // itself in document order with one field per group.
    private bool IsPlain(SelectionSetNode set) => set.SelectionSpan.Length <= PlainLimit && HasOnlyDistinctFields(set);

    private const int PlainLimit = 16;

    /// <summary>
    /// <see cref="FindSubfieldConflicts"/> for two plain sets (see <see cref="IsPlain"/>), read straight from
    /// the AST: the common case of comparing two small sub-selections pushes nothing onto the arena.
    /// <paramref name="setB"/> may also hold fragment spreads, which are passed over (see <see cref="MergesAcrossPlainSpreads"/>).
    /// </summary>
    private List<Conflict>? FindPlainSubfieldConflicts(ValidationContext context, bool mutuallyExclusive, NamedType? typeA, SelectionSetNode setA, NamedType? typeB, SelectionSetNode setB)
    {
        var selectionsB = setB.SelectionSpan;
        List<Conflict>? subConflicts = null;
        foreach (var selectionA in setA.SelectionSpan)
        {
            var fieldA = (FieldNode)selectionA;
            var name = fieldA.ResponseKey;
            foreach (var selectionB in selectionsB)
            {
                if (selectionB is FieldNode fieldB && fieldB.ResponseKey == name)
                {
                    if (FindConflict(context, name, mutuallyExclusive, new FieldInfo(typeA, fieldA, null), new FieldInfo(typeB, fieldB, null)) is { } sub)
                    {
                        (subConflicts ??= []).Add(sub);
                    }
                    break;
                }
            }
        }
        return subConflicts;
    }

    // Every pair of same-named fields across the two collected sub-selections, in A's group order then B's.
    private List<Conflict>? FindSubfieldConflicts(ValidationContext context, bool mutuallyExclusive, Segment a, Segment b)
    {
        var (startA, endA) = a;
        var (startB, endB) = b;
        var indexB = _arena.IndexGroups(startB, endB);
        List<Conflict>? subConflicts = null;
        for (var groupA = startA; groupA < endA;)
        {
            var groupAEnd = _arena.GroupEnd(groupA, endA);
            var name = _arena[groupA].Node.ResponseKey;
            var groupB = _arena.FindGroup(startB, endB, name, indexB);
            if (groupB >= 0)
            {
                var distinctA = Deduplicate(groupA, groupAEnd);
                var distinctB = Deduplicate(groupB, _arena.GroupEnd(groupB, endB));
                for (var i = groupA; i < distinctA; i++)
                {
                    for (var j = groupB; j < distinctB; j++)
                    {
                        if (FindConflict(context, name, mutuallyExclusive, _arena[i], _arena[j]) is { } sub)
                        {
                            (subConflicts ??= []).Add(sub);
                        }
                    }
                }
            }
            groupA = groupAEnd;
        }
        return subConflicts;
    }

    private static bool SameArguments(IReadOnlyList<ArgumentNode> a, IReadOnlyList<ArgumentNode> b)
    {
        // The parser gives every argument-less field one shared empty list.
        if (ReferenceEquals(a, b))
        {
            return true;
        }
        if (a.Count != b.Count)
        {
            return false;
        }
        for (var i = 0; i < a.Count; i++)
        {
            var argA = a[i];
            ArgumentNode? argB = null;
            for (var j = 0; j < b.Count; j++)
            {
                if (b[j].Name == argA.Name)
                {
                    argB = b[j];
                    break;
                }
            }
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
        // Same-named fields of one parent share a definition, hence one type instance.
        if (ReferenceEquals(a, b))
        {
            return false;
        }
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

using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

internal sealed partial class FieldSelectionMergingRule
{
    // Fragments already flattened into the current collection. A selection set spreads a handful,
    // where a scan is cheaper than hashing each name; past VisitedScanLimit they go to a set as well, so a
    // document spreading thousands of fragments stays linear.
    private const int VisitedScanLimit = 16;
    private readonly List<string> _visitedFragments = [];
    private readonly HashSet<string> _visitedMany = new(StringComparer.Ordinal);
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<(NamedType?, string, string, string?)> _seenLeaves = [];

    // The field's definition is looked up only when the field is compared: most collected fields have a
    // response name of their own, and an entry with one reference fewer is cheaper to push and move.
    private readonly record struct FieldInfo(NamedType? ParentType, FieldNode Node, string? Origin)
    {
        public FieldDefinition? Definition(ValidationContext context) =>
            ParentType is null ? null : context.Schema.GetField(ParentType, Node.Name);
    }

    /// <summary>
    /// Pushes the fields of a selection set onto the arena, with inline fragments and fragment spreads
    /// flattened in (each fragment once), and returns where they start; they end at the arena's top.
    /// </summary>
    private int Collect(ValidationContext context, NamedType? parentType, SelectionSetNode selectionSet)
    {
        var start = _arena.Top;
        if (_visitedFragments.Count >= VisitedScanLimit)
        {
            _visitedMany.Clear();
        }
        _visitedFragments.Clear();
        Collect(context, parentType, selectionSet, null);
        return start;
    }

    private void Collect(ValidationContext context, NamedType? parentType, SelectionSetNode selectionSet, string? origin)
    {
        foreach (var selection in selectionSet.SelectionSpan)
        {
            switch (selection)
            {
                case FieldNode field:
                    _arena.Push(new FieldInfo(parentType, field, origin));
                    break;
                case InlineFragmentNode inline:
                    var type = inline.TypeCondition is null ? parentType : context.Schema.GetType(inline.TypeCondition.Name);
                    Collect(context, type, inline.SelectionSet, origin);
                    break;
                case FragmentSpreadNode spread:
                    if (FirstVisit(spread.Name) && context.Fragments.TryGetValue(spread.Name, out var fragment))
                    {
                        Collect(context, fragment.Type, fragment.Definition.SelectionSet, origin ?? spread.Name);
                    }
                    break;
            }
        }
    }

    private bool FirstVisit(string fragmentName)
    {
        var visited = _visitedFragments;
        if (visited.Count >= VisitedScanLimit)
        {
            if (visited.Count == VisitedScanLimit)
            {
                _visitedMany.UnionWith(visited);
            }
            if (!_visitedMany.Add(fragmentName))
            {
                return false;
            }
            visited.Add(fragmentName);
            return true;
        }
        for (var i = 0; i < visited.Count; i++)
        {
            if (string.Equals(visited[i], fragmentName, StringComparison.Ordinal))
            {
                return false;
            }
        }
        visited.Add(fragmentName);
        return true;
    }

    private bool HasOnlyDistinctFields(SelectionSetNode node)
    {
        var selections = node.SelectionSpan;
        if (selections.Length > 16)
        {
            _keys.Clear();
            // Sized once: growing the set step by step reallocated it five times for a 135-field operation.
            _keys.EnsureCapacity(selections.Length);
            for (var i = 0; i < selections.Length; i++)
            {
                if (selections[i] is not FieldNode field || !_keys.Add(field.ResponseKey))
                {
                    return false;
                }
            }
            return true;
        }
        return FewFieldsDistinct(selections, allowSpreads: false);
    }

    // A short run of selections: no two fields share a response name, and every selection is a field
    // (or, when allowed, a fragment spread). Pairwise, because hashing costs more at this size.
    private static bool FewFieldsDistinct(ReadOnlySpan<SelectionNode> selections, bool allowSpreads)
    {
        for (var i = 0; i < selections.Length; i++)
        {
            if (selections[i] is not FieldNode a)
            {
                if (allowSpreads && selections[i] is FragmentSpreadNode)
                {
                    continue;
                }
                return false;
            }
            var key = a.ResponseKey;
            for (var j = 0; j < i; j++)
            {
                if (selections[j] is FieldNode b && b.ResponseKey == key)
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

    /// <summary>Compacts the group <c>[start, end)</c> in place and returns where the kept fields end.</summary>
    private int Deduplicate(int start, int end)
    {
        if (end - start <= DeduplicationThreshold)
        {
            return end;
        }
        _seenLeaves.Clear();
        var kept = start;
        for (var i = start; i < end; i++)
        {
            var field = _arena[i];
            if (field.Node.SelectionSet is null &&
                !_seenLeaves.Add((field.ParentType, field.Node.Name, ArgumentsKey(field.Node.Arguments), field.Origin)))
            {
                continue;
            }
            _arena[kept++] = field;
        }
        return kept;
    }

    private static string ArgumentsKey(IReadOnlyList<ArgumentNode> arguments) =>
        arguments.Count == 0 ? "" : string.Join(",", arguments.Select(Printer.Print).Order(StringComparer.Ordinal));
}

using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

internal sealed partial class FieldSelectionMergingRule
{
    // The spread fragments of the set being checked, resolved once each for the pairwise comparisons.
    private readonly List<(FragmentDefinitionNode Fragment, NamedType? Type)> _plainSpreads = [];

    /// <summary>
    /// The commonest selection set that is not plain: its own fields, each with its own response name,
    /// plus spreads of fragments that are themselves plain (see <see cref="IsPlain"/>). True when the set
    /// has that shape and no two of its fields conflict, found by comparing the AST nodes in place with no
    /// collecting or grouping. False when the set has another shape or something conflicts: the general
    /// path then checks it and reports conflicts in graphql-js's order.
    /// </summary>
    private bool MergesAcrossPlainSpreads(ValidationContext context, SelectionSetNode node)
    {
        var selections = node.SelectionSpan;
        if (selections.Length > PlainLimit || !OwnFieldsDistinct(selections))
        {
            return false;
        }
        _plainSpreads.Clear();
        foreach (var selection in selections)
        {
            if (selection is not FragmentSpreadNode spread || IsResolved(spread.Name) ||
                !context.Fragments.TryGetValue(spread.Name, out var fragment))
            {
                // A field, a repeated spread (collected once), or an unknown fragment (another rule's error).
                continue;
            }
            if (!IsPlain(fragment.SelectionSet))
            {
                return false;
            }
            var type = context.Schema.GetType(fragment.TypeCondition.Name);
            if (!FieldsMerge(context, context.ParentType, selections, type, fragment.SelectionSet.SelectionSpan))
            {
                return false;
            }
            foreach (var (earlier, earlierType) in _plainSpreads)
            {
                if (!FieldsMerge(context, earlierType, earlier.SelectionSet.SelectionSpan, type, fragment.SelectionSet.SelectionSpan))
                {
                    return false;
                }
            }
            _plainSpreads.Add((fragment, type));
        }
        return true;
    }

    private bool IsResolved(string fragmentName)
    {
        foreach (var (fragment, _) in _plainSpreads)
        {
            if (fragment.Name == fragmentName)
            {
                return true;
            }
        }
        return false;
    }

    // Only fields and fragment spreads, no two fields sharing a response name.
    private static bool OwnFieldsDistinct(ReadOnlySpan<SelectionNode> selections)
    {
        for (var i = 0; i < selections.Length; i++)
        {
            if (selections[i] is not FieldNode a)
            {
                if (selections[i] is not FragmentSpreadNode)
                {
                    return false;
                }
                continue;
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

    /// <summary>Whether every field of <paramref name="b"/> (a plain set) merges with the field of <paramref name="a"/> sharing its response name, if any.</summary>
    private bool FieldsMerge(ValidationContext context, NamedType? typeA, ReadOnlySpan<SelectionNode> a, NamedType? typeB, ReadOnlySpan<SelectionNode> b)
    {
        foreach (var selectionB in b)
        {
            var fieldB = (FieldNode)selectionB;
            var name = fieldB.ResponseKey;
            foreach (var selectionA in a)
            {
                if (selectionA is FieldNode fieldA && fieldA.ResponseKey == name)
                {
                    if (FindConflict(context, name, false, new FieldInfo(typeA, fieldA, null), new FieldInfo(typeB, fieldB, null)) is not null)
                    {
                        return false;
                    }
                    break;
                }
            }
        }
        return true;
    }
}

using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

internal sealed partial class FieldSelectionMergingRule
{
    // The spread fragments of the set being checked, for the pairwise comparisons.
    private readonly List<KnownFragment> _plainSpreads = [];

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
        if (selections.Length > PlainLimit || !FewFieldsDistinct(selections, allowSpreads: true))
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
            var fields = fragment.Definition.SelectionSet;
            if (!IsPlain(fields) ||
                FindPlainSubfieldConflicts(context, false, fragment.Type, fields, context.ParentType, node) is not null)
            {
                return false;
            }
            foreach (var earlier in _plainSpreads)
            {
                if (FindPlainSubfieldConflicts(context, false, fragment.Type, fields, earlier.Type, earlier.Definition.SelectionSet) is not null)
                {
                    return false;
                }
            }
            _plainSpreads.Add(fragment);
        }
        return true;
    }

    private bool IsResolved(string fragmentName)
    {
        foreach (var fragment in _plainSpreads)
        {
            if (fragment.Definition.Name == fragmentName)
            {
                return true;
            }
        }
        return false;
    }
}

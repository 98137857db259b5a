using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

internal sealed partial class FieldSelectionMergingRule
{
    // Fields by response name, with inline fragments and fragment spreads flattened in (each fragment once).
    // Each selection set is collected once per parent type and reused: the walk visits it, and every
    // comparison of fields whose sub-selections must merge collects it again.
    private Dictionary<string, List<FieldInfo>> Collect(ValidationContext context, NamedType? parentType, SelectionSetNode selectionSet)
    {
        if (_collected.TryGetValue(selectionSet, out var cached) && cached.Type == parentType)
        {
            return cached.Fields;
        }
        var result = new Dictionary<string, List<FieldInfo>>(selectionSet.Selections.Count, StringComparer.Ordinal);
        Collect(context, parentType, selectionSet, result, null, null);
        _collected[selectionSet] = (parentType, result);
        return result;
    }

    private static void Collect(ValidationContext context, NamedType? parentType, SelectionSetNode selectionSet, Dictionary<string, List<FieldInfo>> result, HashSet<string>? visited, string? origin)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case FieldNode field:
                    var definition = parentType is null ? null : context.Schema.GetField(parentType, field.Name);
                    if (!result.TryGetValue(field.ResponseKey, out var list))
                    {
                        result[field.ResponseKey] = list = new List<FieldInfo>(2);
                    }
                    list.Add(new FieldInfo(parentType, field, definition, origin));
                    break;
                case InlineFragmentNode inline:
                    var type = inline.TypeCondition is null ? parentType : context.Schema.GetType(inline.TypeCondition.Name);
                    Collect(context, type, inline.SelectionSet, result, visited, origin);
                    break;
                case FragmentSpreadNode spread:
                    visited ??= new HashSet<string>(StringComparer.Ordinal);
                    if (visited.Add(spread.Name) && context.Fragments.TryGetValue(spread.Name, out var fragment))
                    {
                        Collect(context, context.Schema.GetType(fragment.TypeCondition.Name), fragment.SelectionSet, result, visited, origin ?? spread.Name);
                    }
                    break;
            }
        }
    }
}

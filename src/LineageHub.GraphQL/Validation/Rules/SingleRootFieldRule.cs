using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.3.1 Single Root Field: a subscription selects exactly one root field, not an introspection one.</summary>
internal sealed class SingleRootFieldRule : ValidationRule
{
    public override string Name => "Single Root Field";

    public override string SpecSection => "5.2.3.1";

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.Operation != OperationType.Subscription || context.Schema.SubscriptionType is not { } root)
        {
            return;
        }
        var fields = new List<FieldNode>();
        Collect(context, root, node.SelectionSet, fields, new HashSet<string>(StringComparer.Ordinal));
        var keys = fields.Select(f => f.ResponseKey).Distinct().ToList();
        if (keys.Count > 1)
        {
            context.Report(this, ValidationMessages.SubscriptionSingleField(node.Name), [.. fields.Where(f => f.ResponseKey != keys[0])]);
        }
        foreach (var field in fields)
        {
            if (field.Name.StartsWith("__", StringComparison.Ordinal))
            {
                context.Report(this, ValidationMessages.SubscriptionIntrospection(node.Name), field);
            }
        }
    }

    // Spec's CollectFields with no variables: @skip/@include are not allowed to hide extra root fields.
    private static void Collect(ValidationContext context, ObjectType root, SelectionSetNode set, List<FieldNode> fields, HashSet<string> visited)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case FieldNode f:
                    fields.Add(f);
                    break;
                case InlineFragmentNode i:
                    Collect(context, root, i.SelectionSet, fields, visited);
                    break;
                case FragmentSpreadNode s when visited.Add(s.Name) && context.Fragments.TryGetValue(s.Name, out var fragment):
                    Collect(context, root, fragment.Definition.SelectionSet, fields, visited);
                    break;
            }
        }
    }
}

using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.5.1.2 Fragment Spread Type Existence: type conditions name known types. Like graphql-js's
/// KnownTypeNames, it also checks the named types of variable definitions.
/// </summary>
internal sealed class FragmentSpreadTypeExistenceRule : ValidationRule
{
    public override string Name => "Fragment Spread Type Existence";

    public override string SpecSection => "5.5.1.2";

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node) => Check(context, node.TypeCondition);

    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
        if (node.TypeCondition is not null)
        {
            Check(context, node.TypeCondition);
        }
    }

    public override void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node)
    {
        var type = node.Type;
        while (type is not NamedTypeNode)
        {
            type = type switch
            {
                ListTypeNode l => l.Type,
                NonNullTypeNode n => n.Type,
                _ => throw new InvalidOperationException("unknown type node"),
            };
        }
        Check(context, (NamedTypeNode)type);
    }

    private void Check(ValidationContext context, NamedTypeNode node)
    {
        if (context.Schema.GetType(node.Name) is null)
        {
            context.Report(this, ValidationMessages.UnknownType(node.Name), node);
        }
    }
}

using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.3 Fragments On Composite Types.</summary>
internal sealed class FragmentsOnCompositeTypesRule : ValidationRule
{
    public override string Name => "Fragments On Composite Types";

    public override string SpecSection => "5.5.1.3";

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
        if (context.Schema.GetType(node.TypeCondition.Name) is { IsComposite: false } type)
        {
            context.Report(this, ValidationMessages.FragmentNonComposite(node.Name, type.Name), node.TypeCondition);
        }
    }

    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
        if (node.TypeCondition is not null && context.Schema.GetType(node.TypeCondition.Name) is { IsComposite: false } type)
        {
            context.Report(this, ValidationMessages.InlineFragmentNonComposite(type.Name), node.TypeCondition);
        }
    }
}

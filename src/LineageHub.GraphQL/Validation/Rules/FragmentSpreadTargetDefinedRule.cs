using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.1 Fragment spread target defined.</summary>
internal sealed class FragmentSpreadTargetDefinedRule : ValidationRule
{
    public override string Name => "Fragment Spread Target Defined";

    public override string SpecSection => "5.5.2.1";

    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node)
    {
        if (context.SpreadTarget is null)
        {
            context.ReportAtNames(this, ValidationMessages.UnknownFragment(node.Name), node);
        }
    }
}

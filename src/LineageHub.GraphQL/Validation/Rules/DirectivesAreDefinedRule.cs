using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.7.1 Directives Are Defined.</summary>
internal sealed class DirectivesAreDefinedRule : ValidationRule
{
    public override string Name => "Directives Are Defined";

    public override string SpecSection => "5.7.1";

    public override void EnterDirective(ValidationContext context, DirectiveNode node, string location)
    {
        if (context.Directive is null)
        {
            context.Report(this, ValidationMessages.UnknownDirective(node.Name), node);
        }
    }
}

using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.7.2 Directives Are In Valid Locations.</summary>
internal sealed class DirectivesAreInValidLocationsRule : ValidationRule
{
    public override string Name => "Directives Are In Valid Locations";

    public override string SpecSection => "5.7.2";

    public override void EnterDirective(ValidationContext context, DirectiveNode node, string location)
    {
        if (context.Directive is { } directive && !directive.Locations.Contains(location))
        {
            context.Report(this, ValidationMessages.MisplacedDirective(node.Name, location), node);
        }
    }
}

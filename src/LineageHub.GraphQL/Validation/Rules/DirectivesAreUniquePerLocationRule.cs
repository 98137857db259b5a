using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.7.3 Directives Are Unique Per Location (repeatable directives excepted).</summary>
internal sealed class DirectivesAreUniquePerLocationRule : ValidationRule
{
    public override string Name => "Directives Are Unique Per Location";

    public override string SpecSection => "5.7.3";

    public override void EnterDirectives(ValidationContext context, IReadOnlyList<DirectiveNode> directives, string location)
    {
        if (directives.Count < 2)
        {
            return;
        }
        var seen = new Dictionary<string, DirectiveNode>(StringComparer.Ordinal);
        foreach (var directive in directives)
        {
            if (context.Schema.GetDirective(directive.Name) is not { IsRepeatable: false })
            {
                continue;
            }
            if (!seen.TryAdd(directive.Name, directive))
            {
                context.Report(this, ValidationMessages.DuplicateDirective(directive.Name), seen[directive.Name], directive);
            }
        }
    }
}

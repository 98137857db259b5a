using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.1 Argument Names: every argument is defined by the field or directive.</summary>
internal sealed class ArgumentNamesRule : ValidationRule
{
    public override string Name => "Argument Names";

    public override string SpecSection => "5.4.1";

    public override void EnterArgument(ValidationContext context, ArgumentNode node)
    {
        if (context.ArgumentDefinition is not null)
        {
            return;
        }
        if (context.Directive is { } directive)
        {
            context.Report(this, ValidationMessages.UnknownDirectiveArgument(node.Name, directive.Name), node);
        }
        else if (context.FieldDefinition is { } field && context.ParentType is { } parent && !IsInDirective(context))
        {
            context.Report(this, ValidationMessages.UnknownArgument(node.Name, parent.Name, field.Name), node);
        }
    }

    // Arguments of an unknown directive are left to 5.7.1, as graphql-js does.
    private static bool IsInDirective(ValidationContext context) => context.InDirective;
}

using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2.1 Required Arguments: non-null arguments without a default are provided.</summary>
internal sealed class RequiredArgumentsRule : ValidationRule
{
    public override string Name => "Required Arguments";

    public override string SpecSection => "5.4.2.1";

    public override void EnterField(ValidationContext context, FieldNode node)
    {
        // Most fields take no arguments; enumerating the empty map would still allocate an enumerator.
        if (context.FieldDefinition is not { } field || field.Arguments.Count == 0)
        {
            return;
        }
        foreach (var (name, argument) in field.Arguments)
        {
            if (IsRequired(argument) && !node.Arguments.Any(a => a.Name == name))
            {
                context.Report(this, ValidationMessages.MissingFieldArgument(field.Name, name, argument.Type.ToString()), node);
            }
        }
    }

    public override void EnterDirective(ValidationContext context, DirectiveNode node, string location)
    {
        if (context.Directive is not { } directive)
        {
            return;
        }
        foreach (var (name, argument) in directive.Arguments)
        {
            if (IsRequired(argument) && !node.Arguments.Any(a => a.Name == name))
            {
                context.Report(this, ValidationMessages.MissingDirectiveArgument(directive.Name, name, argument.Type.ToString()), node);
            }
        }
    }

    private static bool IsRequired(InputValue argument) => argument.Type is NonNullType && argument.DefaultValue is null;
}

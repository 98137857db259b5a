using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.4.2 Argument Uniqueness.</summary>
internal sealed class ArgumentUniquenessRule : ValidationRule
{
    public override string Name => "Argument Uniqueness";

    public override string SpecSection => "5.4.2";

    public override void EnterField(ValidationContext context, FieldNode node) => Check(context, node.Arguments);

    public override void EnterDirective(ValidationContext context, DirectiveNode node, string location) => Check(context, node.Arguments);

    private void Check(ValidationContext context, IReadOnlyList<ArgumentNode> arguments)
    {
        if (arguments.Count < 2)
        {
            return;
        }
        foreach (var group in arguments.GroupBy(a => a.Name, StringComparer.Ordinal))
        {
            if (group.Count() > 1)
            {
                context.Report(this, ValidationMessages.DuplicateArgument(group.Key), [.. group]);
            }
        }
    }
}

using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.1 Variable Uniqueness.</summary>
internal sealed class VariableUniquenessRule : ValidationRule
{
    public override string Name => "Variable Uniqueness";

    public override string SpecSection => "5.8.1";

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        foreach (var group in node.VariableDefinitions.GroupBy(v => v.Variable.Name, StringComparer.Ordinal))
        {
            if (group.Count() > 1)
            {
                context.ReportAtNames(this, ValidationMessages.DuplicateVariable(group.Key), [.. group.Select(v => v.Variable)]);
            }
        }
    }
}

using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.4 All Variables Used, following fragments the operation spreads.</summary>
internal sealed class AllVariablesUsedRule : ValidationRule
{
    public override string Name => "All Variables Used";

    public override string SpecSection => "5.8.4";

    public override void LeaveDocument(ValidationContext context, DocumentNode node)
    {
        foreach (var operation in node.Definitions.OfType<OperationDefinitionNode>())
        {
            var used = context.RecursiveVariableUsages(operation).Select(u => u.Node.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var definition in operation.VariableDefinitions)
            {
                if (!used.Contains(definition.Variable.Name))
                {
                    context.Report(this, ValidationMessages.UnusedVariable(definition.Variable.Name, operation.Name), definition);
                }
            }
        }
    }
}

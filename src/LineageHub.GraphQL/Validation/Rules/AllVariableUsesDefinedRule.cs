using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.3 All Variable Uses Defined, following fragments the operation spreads.</summary>
internal sealed class AllVariableUsesDefinedRule : ValidationRule
{
    public override string Name => "All Variable Uses Defined";

    public override string SpecSection => "5.8.3";

    public override void LeaveDocument(ValidationContext context, DocumentNode node)
    {
        foreach (var operation in node.Definitions.OfType<OperationDefinitionNode>())
        {
            var defined = operation.VariableDefinitions.Select(v => v.Variable.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var usage in context.RecursiveVariableUsages(operation))
            {
                if (!defined.Contains(usage.Node.Name))
                {
                    context.Report(this, ValidationMessages.UndefinedVariable(usage.Node.Name, operation.Name), usage.Node, operation);
                }
            }
        }
    }
}

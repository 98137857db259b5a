using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.8.2 Variables Are Input Types.</summary>
internal sealed class VariablesAreInputTypesRule : ValidationRule
{
    public override string Name => "Variables Are Input Types";

    public override string SpecSection => "5.8.2";

    public override void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node)
    {
        if (ValueCoercion.TypeFromAst(context.Schema, node.Type) is { IsInputType: false })
        {
            context.Report(this, ValidationMessages.NonInputVariable(node.Variable.Name, Printer.Print(node.Type)), node.Type);
        }
    }
}

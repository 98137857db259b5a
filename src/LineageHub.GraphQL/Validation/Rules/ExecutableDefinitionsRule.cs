using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.1.1 Executable Definitions.</summary>
internal sealed class ExecutableDefinitionsRule : ValidationRule
{
    public override string Name => "Executable Definitions";

    public override string SpecSection => "5.1.1";

    public void Check(ValidationContext context)
    {
        foreach (var definition in context.Document.Definitions)
        {
            switch (definition)
            {
                case SchemaDefinitionNode schema:
                    context.Report(this, ValidationMessages.SchemaNotExecutable, schema);
                    break;
                case TypeDefinitionNode type:
                    context.Report(this, ValidationMessages.NotExecutable(type.Name), type);
                    break;
                case DirectiveDefinitionNode directive:
                    context.Report(this, ValidationMessages.NotExecutable(directive.Name), directive);
                    break;
            }
        }
    }
}

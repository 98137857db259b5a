using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.2.1 Lone Anonymous Operation.</summary>
internal sealed class LoneAnonymousOperationRule : ValidationRule
{
    private int _operations;

    public override string Name => "Lone Anonymous Operation";

    public override string SpecSection => "5.2.2.1";

    public override void EnterDocument(ValidationContext context, DocumentNode node) =>
        _operations = node.Definitions.Count(d => d is OperationDefinitionNode);

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.Name is null && _operations > 1)
        {
            context.Report(this, ValidationMessages.AnonymousOperationNotAlone, node);
        }
    }
}

using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.2.1.1 Operation Name Uniqueness.</summary>
internal sealed class OperationNameUniquenessRule : ValidationRule
{
    private readonly Dictionary<string, OperationDefinitionNode> _seen = new(StringComparer.Ordinal);

    public override string Name => "Operation Name Uniqueness";

    public override string SpecSection => "5.2.1.1";

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node)
    {
        if (node.Name is { } name && !_seen.TryAdd(name, node))
        {
            context.ReportAtNames(this, ValidationMessages.DuplicateOperationName(name), _seen[name], node);
        }
    }
}

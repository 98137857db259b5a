using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.1.1 Fragment Name Uniqueness.</summary>
internal sealed class FragmentNameUniquenessRule : ValidationRule
{
    private readonly Dictionary<string, FragmentDefinitionNode> _seen = new(StringComparer.Ordinal);

    public override string Name => "Fragment Name Uniqueness";

    public override string SpecSection => "5.5.1.1";

    public override void EnterFragmentDefinition(ValidationContext context, FragmentDefinitionNode node)
    {
        if (!_seen.TryAdd(node.Name, node))
        {
            context.ReportAtNames(this, ValidationMessages.DuplicateFragmentName(node.Name), _seen[node.Name], node);
        }
    }
}

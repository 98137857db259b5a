using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.5.2.3 Fragment spread is possible: the fragment's type and the parent type can overlap.</summary>
internal sealed class FragmentSpreadIsPossibleRule : ValidationRule
{
    public override string Name => "Fragment Spread Is Possible";

    public override string SpecSection => "5.5.2.3";

    public override void EnterInlineFragment(ValidationContext context, InlineFragmentNode node)
    {
        if (context.Type?.NamedType is { IsComposite: true } fragmentType && context.ParentType is { IsComposite: true } parent &&
            !context.Schema.TypesOverlap(fragmentType, parent))
        {
            context.Report(this, ValidationMessages.ImpossibleInlineSpread(parent.Name, fragmentType.Name), node);
        }
    }

    public override void EnterFragmentSpread(ValidationContext context, FragmentSpreadNode node)
    {
        if (context.SpreadTarget?.Type is { IsComposite: true } fragmentType &&
            context.ParentType is { IsComposite: true } parent &&
            !context.Schema.TypesOverlap(fragmentType, parent))
        {
            context.Report(this, ValidationMessages.ImpossibleSpread(node.Name, parent.Name, fragmentType.Name), node);
        }
    }
}

using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.3.3 Leaf Field Selections.</summary>
internal sealed class LeafFieldSelectionsRule : ValidationRule
{
    public override string Name => "Leaf Field Selections";

    public override string SpecSection => "5.3.3";

    public override void EnterField(ValidationContext context, FieldNode node)
    {
        if (context.Type is not { } type)
        {
            return;
        }
        if (type.NamedType.IsLeaf)
        {
            if (node.SelectionSet is not null)
            {
                context.Report(this, ValidationMessages.NoSubselectionAllowed(node.Name, type.ToString()), node.SelectionSet);
            }
        }
        else if (node.SelectionSet is null)
        {
            context.Report(this, ValidationMessages.RequiredSubselection(node.Name, type.ToString()), node);
        }
    }
}

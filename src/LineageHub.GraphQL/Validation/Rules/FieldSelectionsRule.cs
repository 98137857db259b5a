using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.3.1 Field Selections: a selected field exists on the type selected from.</summary>
internal sealed class FieldSelectionsRule : ValidationRule
{
    public override string Name => "Field Selections";

    public override string SpecSection => "5.3.1";

    public override void EnterField(ValidationContext context, FieldNode node)
    {
        if (context.ParentType is { } parent && context.FieldDefinition is null)
        {
            context.Report(this, ValidationMessages.UnknownField(node.Name, parent.Name), node);
        }
    }
}

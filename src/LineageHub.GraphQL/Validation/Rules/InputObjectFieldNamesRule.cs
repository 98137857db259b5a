using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.6.2 Input Object Field Names: every field of an object literal is defined by its input type.</summary>
internal sealed class InputObjectFieldNamesRule : ValidationRule
{
    public override string Name => "Input Object Field Names";

    public override string SpecSection => "5.6.2";

    public override void EnterObjectField(ValidationContext context, ObjectFieldNode node)
    {
        if (context.InputType is null && context.ParentInputType is InputObjectType parent)
        {
            context.Report(this, ValidationMessages.UnknownInputField(node.Name, parent.Name), node);
        }
    }
}

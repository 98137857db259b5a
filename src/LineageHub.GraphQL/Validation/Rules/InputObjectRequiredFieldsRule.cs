using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.6.4 Input Object Required Fields: non-null fields without a default are given.</summary>
internal sealed class InputObjectRequiredFieldsRule : ValidationRule
{
    public override string Name => "Input Object Required Fields";

    public override string SpecSection => "5.6.4";

    public override void EnterValue(ValidationContext context, ValueNode node)
    {
        if (node is not ObjectValueNode obj || context.InputType is not { } type || type.NamedType is not InputObjectType input)
        {
            return;
        }
        foreach (var (name, field) in input.Fields)
        {
            if (field.Type is NonNullType && field.DefaultValue is null && !obj.Fields.Any(f => f.Name == name))
            {
                context.Report(this, ValidationMessages.MissingInputField(input.Name, name, field.Type.ToString()), node);
            }
        }
    }
}

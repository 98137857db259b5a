using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>Spec 5.6.3 Input Object Field Uniqueness.</summary>
internal sealed class InputObjectFieldUniquenessRule : ValidationRule
{
    public override string Name => "Input Object Field Uniqueness";

    public override string SpecSection => "5.6.3";

    public override void EnterValue(ValidationContext context, ValueNode node)
    {
        if (node is not ObjectValueNode { Fields.Count: > 1 } obj)
        {
            return;
        }
        foreach (var group in obj.Fields.GroupBy(f => f.Name, StringComparer.Ordinal))
        {
            if (group.Count() > 1)
            {
                context.Report(this, ValidationMessages.DuplicateInputField(group.Key), [.. group]);
            }
        }
    }
}

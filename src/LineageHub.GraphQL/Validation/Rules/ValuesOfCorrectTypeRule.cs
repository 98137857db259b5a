using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Validation.Rules;

/// <summary>
/// Spec 5.6.1 Values of Correct Type: each literal coerces to the type expected where it appears.
/// Input object field names and required fields are the separate rules 5.6.2 and 5.6.4.
/// </summary>
internal sealed class ValuesOfCorrectTypeRule : ValidationRule
{
    private readonly Dictionary<string, VariableDefinitionNode> _variables = new(StringComparer.Ordinal);

    public override string Name => "Values of Correct Type";

    public override string SpecSection => "5.6.1";

    public override void EnterOperation(ValidationContext context, OperationDefinitionNode node) => _variables.Clear();

    public override void EnterVariableDefinition(ValidationContext context, VariableDefinitionNode node) => _variables[node.Variable.Name] = node;

    public override void EnterValue(ValidationContext context, ValueNode node)
    {
        if (context.InputType is not { } type)
        {
            return;
        }
        switch (node)
        {
            case VariableNode:
                return;
            case NullValueNode when type is NonNullType:
                context.Report(this, ValidationMessages.BadValue(type.ToString(), Printer.Print(node)), node);
                return;
            case NullValueNode:
                return;
            case ListValueNode when type.Nullable is not ListType:
                CheckLeaf(context, node, type);
                return;
            case ListValueNode:
                return;
            case ObjectValueNode obj when type.NamedType is InputObjectType input:
                if (input.IsOneOf)
                {
                    CheckOneOf(context, obj, input);
                }
                return;
            default:
                CheckLeaf(context, node, type);
                return;
        }
    }

    private void CheckLeaf(ValidationContext context, ValueNode node, GraphQLType locationType)
    {
        // A non-list literal in a list position is checked against the item type (input coercion wraps it).
        var type = locationType.Nullable is ListType list && node is not ListValueNode ? list.OfType : locationType;
        while (type.Nullable is ListType inner && node is not ListValueNode)
        {
            type = inner.OfType;
        }
        var named = type.NamedType;
        var printed = Printer.Print(node);
        switch (named)
        {
            case ScalarType scalar:
                try
                {
                    if (scalar.ParseLiteral(node, null) is null)
                    {
                        context.Report(this, ValidationMessages.BadValue(locationType.ToString(), printed), node);
                    }
                }
                catch (CoercionException ex)
                {
                    // Like graphql-js, a scalar's own coercion error is reported as it is.
                    context.Report(this, ex.Message, node);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    context.Report(this, ValidationMessages.BadValueWithReason(locationType.ToString(), printed, ex.Message), node);
                }
                break;
            case EnumType e:
                if (node is not EnumValueNode ev)
                {
                    context.Report(this, ValidationMessages.EnumNonEnumValue(e.Name, printed), node);
                }
                else if (!e.Values.ContainsKey(ev.Value))
                {
                    context.Report(this, ValidationMessages.EnumValueMissing(ev.Value, e.Name), node);
                }
                break;
            default:
                context.Report(this, ValidationMessages.BadValue(locationType.ToString(), printed), node);
                break;
        }
    }

    // @oneOf input objects (graphql-js 16.9): exactly one field, non-null, and no nullable variable.
    private void CheckOneOf(ValidationContext context, ObjectValueNode node, InputObjectType type)
    {
        if (node.Fields.Count != 1)
        {
            context.Report(this, ValidationMessages.OneOfExactlyOneKey(type.Name), node);
            return;
        }
        var value = node.Fields[0].Value;
        if (value is NullValueNode)
        {
            context.Report(this, ValidationMessages.OneOfNonNull(type.Name, node.Fields[0].Name), node);
        }
        else if (value is VariableNode variable && _variables.TryGetValue(variable.Name, out var definition) && definition.Type is not NonNullTypeNode)
        {
            context.Report(this, ValidationMessages.OneOfNullableVariable(variable.Name, type.Name), node);
        }
    }
}

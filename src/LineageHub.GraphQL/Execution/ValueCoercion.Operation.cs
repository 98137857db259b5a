using System.Text;
using LineageHub.GraphQL.Language;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Execution;

public static partial class ValueCoercion
{
    /// <summary>The schema type a type reference names, or null when a named type is unknown.</summary>
    public static GraphQLType? TypeFromAst(Schema schema, TypeNode node) => node switch
    {
        NamedTypeNode n => schema.GetType(n.Name),
        ListTypeNode l => TypeFromAst(schema, l.Type) is { } inner ? new ListType(inner) : null,
        NonNullTypeNode n => TypeFromAst(schema, n.Type) is { } inner ? new NonNullType(inner) : null,
        _ => null,
    };

    // Spec 6.1.2 CoerceVariableValues.
    internal static Dictionary<string, object?> CoerceVariableValues(Schema schema, OperationDefinitionNode operation, IReadOnlyDictionary<string, object?>? inputs, List<GraphQLError> errors)
    {
        var coerced = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.VariableDefinitions)
        {
            var name = definition.Variable.Name;
            var type = TypeFromAst(schema, definition.Type);
            var location = new[] { new ErrorLocation(definition.Location.Line, definition.Location.Column) };
            if (type is null || !type.IsInputType)
            {
                errors.Add(new GraphQLError(CoercionMessages.VariableNotInputType(name, Printer.Print(definition.Type))) { Locations = location });
                continue;
            }
            var hasValue = inputs is not null && inputs.TryGetValue(name, out _);
            var value = hasValue ? inputs![name] : null;
            if (!hasValue && definition.DefaultValue is not null)
            {
                coerced[name] = ValueFromAst(definition.DefaultValue, type, null);
                continue;
            }
            if (type is NonNullType && (!hasValue || value is null))
            {
                errors.Add(new GraphQLError(hasValue
                    ? CoercionMessages.VariableNull(name, type)
                    : CoercionMessages.VariableMissing(name, type)) { Locations = location });
                continue;
            }
            if (!hasValue)
            {
                continue;
            }
            if (value is null)
            {
                coerced[name] = null;
                continue;
            }
            coerced[name] = CoerceInputValue(value, type, [], (path, invalid, message) =>
            {
                var prefix = new StringBuilder($"Variable \"${name}\" got invalid value {Inspect.Value(invalid)}");
                if (path.Count > 0)
                {
                    prefix.Append(" at \"").Append(name).Append(PrintPath(path)).Append('"');
                }
                errors.Add(new GraphQLError(prefix.Append("; ").Append(message).ToString()) { Locations = location });
            });
        }
        return coerced;
    }

    private static string PrintPath(IReadOnlyList<object> path) =>
        string.Concat(path.Select(p => p is int i ? $"[{i}]" : "." + p));

    // Spec 6.4.1 CoerceArgumentValues; throws GraphQLException located by the caller.
    internal static Dictionary<string, object?> CoerceArgumentValues(IReadOnlyDictionary<string, InputValue> definitions, IReadOnlyList<ArgumentNode> arguments, IReadOnlyDictionary<string, object?> variables)
    {
        var coerced = new Dictionary<string, object?>(definitions.Count, StringComparer.Ordinal);
        foreach (var (name, definition) in definitions)
        {
            ArgumentNode? argument = null;
            foreach (var a in arguments)
            {
                if (a.Name == name)
                {
                    argument = a;
                    break;
                }
            }
            var type = definition.Type;
            if (argument is null)
            {
                if (definition.DefaultValue is not null)
                {
                    coerced[name] = ValueFromAst(definition.DefaultValue, type, null);
                }
                else if (type is NonNullType)
                {
                    throw new GraphQLException(CoercionMessages.ArgumentMissing(name, type));
                }
                continue;
            }
            if (argument.Value is VariableNode variable)
            {
                if (!variables.TryGetValue(variable.Name, out var variableValue))
                {
                    if (definition.DefaultValue is not null)
                    {
                        coerced[name] = ValueFromAst(definition.DefaultValue, type, null);
                    }
                    else if (type is NonNullType)
                    {
                        throw new GraphQLException(CoercionMessages.ArgumentVariableMissing(name, type, variable.Name));
                    }
                    continue;
                }
                if (variableValue is null && type is NonNullType)
                {
                    throw new GraphQLException(CoercionMessages.ArgumentNull(name, type));
                }
            }
            var value = ValueFromAst(argument.Value, type, variables);
            if (value == Undefined)
            {
                throw new GraphQLException(CoercionMessages.ArgumentInvalid(name, Printer.Print(argument.Value)));
            }
            coerced[name] = value;
        }
        return coerced;
    }
}

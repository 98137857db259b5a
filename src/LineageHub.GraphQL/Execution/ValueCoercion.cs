using System.Collections;
using System.Globalization;
using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Execution;

/// <summary>
/// Input coercion (spec 3.5-3.10 "Input Coercion", 6.1.2 CoerceVariableValues, 6.4.1 CoerceArgumentValues).
/// Coerced values are: int, double, string, bool, enum internal values, custom scalar values,
/// <c>List&lt;object?&gt;</c> for lists and <c>Dictionary&lt;string, object?&gt;</c> for input objects.
/// </summary>
public static partial class ValueCoercion
{
    /// <summary>Marks "no value" (JavaScript's undefined), distinct from null.</summary>
    internal static readonly object Undefined = new();

    /// <summary>A literal as a plain value with no type to guide it (used by custom scalars).</summary>
    public static object? ValueFromAstUntyped(ValueNode node, IReadOnlyDictionary<string, object?>? variables) => node switch
    {
        NullValueNode => null,
        IntValueNode i => int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
            : long.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l
            : double.Parse(i.Value, CultureInfo.InvariantCulture),
        FloatValueNode f => double.Parse(f.Value, CultureInfo.InvariantCulture),
        StringValueNode s => s.Value,
        BooleanValueNode b => b.Value,
        EnumValueNode e => e.Value,
        ListValueNode l => l.Values.Select(v => ValueFromAstUntyped(v, variables)).ToList(),
        ObjectValueNode o => o.Fields.ToDictionary(f => f.Name, f => ValueFromAstUntyped(f.Value, variables), StringComparer.Ordinal),
        VariableNode v => variables is not null && variables.TryGetValue(v.Name, out var value) ? value : null,
        _ => null,
    };

    /// <summary>
    /// Coerces a literal to <paramref name="type"/> (graphql-js <c>valueFromAST</c>); returns
    /// <see cref="Undefined"/> when the literal is not valid for the type.
    /// </summary>
    internal static object? ValueFromAst(ValueNode? node, GraphQLType type, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is null)
        {
            return Undefined;
        }
        if (node is VariableNode variable)
        {
            if (variables is null || !variables.TryGetValue(variable.Name, out var value))
            {
                return Undefined;
            }
            return value is null && type is NonNullType ? Undefined : value;
        }
        if (type is NonNullType nonNull)
        {
            return node is NullValueNode ? Undefined : ValueFromAst(node, nonNull.OfType, variables);
        }
        if (node is NullValueNode)
        {
            return null;
        }
        switch (type)
        {
            case ListType list:
                if (node is ListValueNode items)
                {
                    var result = new List<object?>(items.Values.Count);
                    foreach (var item in items.Values)
                    {
                        if (IsMissingVariable(item, variables))
                        {
                            if (list.OfType is NonNullType)
                            {
                                return Undefined;
                            }
                            result.Add(null);
                            continue;
                        }
                        var coerced = ValueFromAst(item, list.OfType, variables);
                        if (coerced == Undefined)
                        {
                            return Undefined;
                        }
                        result.Add(coerced);
                    }
                    return result;
                }
                var single = ValueFromAst(node, list.OfType, variables);
                return single == Undefined ? Undefined : new List<object?> { single };
            case InputObjectType input:
                return InputObjectFromAst(node, input, variables);
            case EnumType e:
                return node is EnumValueNode ev && e.Values.TryGetValue(ev.Value, out var enumValue) ? enumValue.Value : Undefined;
            case ScalarType scalar:
                try
                {
                    return scalar.ParseLiteral(node, variables) ?? Undefined;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    return Undefined;
                }
            default:
                return Undefined;
        }
    }

    private static object? InputObjectFromAst(ValueNode node, InputObjectType input, IReadOnlyDictionary<string, object?>? variables)
    {
        if (node is not ObjectValueNode obj)
        {
            return Undefined;
        }
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, field) in input.Fields)
        {
            var fieldNode = obj.Fields.FirstOrDefault(f => f.Name == name);
            if (fieldNode is null || IsMissingVariable(fieldNode.Value, variables))
            {
                if (field.DefaultValue is not null)
                {
                    result[name] = ValueFromAst(field.DefaultValue, field.Type, null);
                }
                else if (field.Type is NonNullType)
                {
                    return Undefined;
                }
                continue;
            }
            var value = ValueFromAst(fieldNode.Value, field.Type, variables);
            if (value == Undefined)
            {
                return Undefined;
            }
            result[name] = value;
        }
        if (input.IsOneOf && (result.Count != 1 || result.Values.First() is null))
        {
            return Undefined;
        }
        return result;
    }

    private static bool IsMissingVariable(ValueNode node, IReadOnlyDictionary<string, object?>? variables) =>
        node is VariableNode v && (variables is null || !variables.ContainsKey(v.Name));

    /// <summary>
    /// Coerces an external (variable) value to <paramref name="type"/> (graphql-js <c>coerceInputValue</c>);
    /// each problem is reported to <paramref name="onError"/> with the path inside the value.
    /// </summary>
    internal static object? CoerceInputValue(object? value, GraphQLType type, List<object> path, Action<IReadOnlyList<object>, object?, string> onError)
    {
        if (type is NonNullType nonNull)
        {
            if (value is null)
            {
                onError(path, value, CoercionMessages.NonNullIsNull(type));
                return Undefined;
            }
            return CoerceInputValue(value, nonNull.OfType, path, onError);
        }
        if (value is null)
        {
            return null;
        }
        switch (type)
        {
            case ListType list:
                if (value is IList items)
                {
                    var result = new List<object?>(items.Count);
                    for (var i = 0; i < items.Count; i++)
                    {
                        path.Add(i);
                        result.Add(CoerceInputValue(items[i], list.OfType, path, onError));
                        path.RemoveAt(path.Count - 1);
                    }
                    return result;
                }
                return new List<object?> { CoerceInputValue(value, list.OfType, path, onError) };
            case InputObjectType input:
                return CoerceInputObject(value, input, path, onError);
            case EnumType e:
                if (value is not string name)
                {
                    onError(path, value, CoercionMessages.EnumNonString(e.Name, Inspect.Value(value)));
                    return Undefined;
                }
                if (!e.Values.TryGetValue(name, out var enumValue))
                {
                    onError(path, value, CoercionMessages.EnumValueMissing(Inspect.Value(value), e.Name));
                    return Undefined;
                }
                return enumValue.Value;
            case ScalarType scalar:
                try
                {
                    var parsed = scalar.ParseValue(value);
                    if (parsed is null)
                    {
                        onError(path, value, CoercionMessages.ExpectedType(scalar.Name));
                        return Undefined;
                    }
                    return parsed;
                }
                catch (CoercionException ex)
                {
                    onError(path, value, ex.Message);
                    return Undefined;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    onError(path, value, CoercionMessages.ExpectedTypeBecause(scalar.Name, ex.Message));
                    return Undefined;
                }
            default:
                onError(path, value, CoercionMessages.ExpectedType(type));
                return Undefined;
        }
    }

    private static object? CoerceInputObject(object value, InputObjectType input, List<object> path, Action<IReadOnlyList<object>, object?, string> onError)
    {
        if (value is not IReadOnlyDictionary<string, object?> map)
        {
            onError(path, value, CoercionMessages.ExpectedObject(input.Name));
            return Undefined;
        }
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, field) in input.Fields)
        {
            if (!map.TryGetValue(name, out var fieldValue))
            {
                if (field.DefaultValue is not null)
                {
                    result[name] = ValueFromAst(field.DefaultValue, field.Type, null);
                }
                else if (field.Type is NonNullType)
                {
                    onError(path, value, CoercionMessages.InputFieldMissing(name, field.Type));
                }
                continue;
            }
            path.Add(name);
            result[name] = CoerceInputValue(fieldValue, field.Type, path, onError);
            path.RemoveAt(path.Count - 1);
        }
        foreach (var key in map.Keys)
        {
            if (!input.Fields.ContainsKey(key))
            {
                onError(path, value, CoercionMessages.InputFieldUnknown(key, input.Name));
            }
        }
        if (input.IsOneOf)
        {
            if (map.Count != 1)
            {
                onError(path, value, CoercionMessages.OneOfExactlyOne(input.Name));
            }
            else if (map.Values.First() is null)
            {
                onError(path, value, CoercionMessages.OneOfFieldNull(map.Keys.First()));
            }
        }
        return result;
    }
}

using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Types;

public sealed partial class Schema
{
    /// <summary>Binds a synchronous resolver: <c>schema.Resolve("Query", "user", ctx =&gt; users[ctx.GetArgument&lt;string&gt;("id")])</c>.</summary>
    public Schema Resolve(string typeName, string fieldName, Func<ResolveFieldContext, object?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        FindField(typeName, fieldName).Resolver = ctx => new ValueTask<object?>(resolver(ctx));
        return this;
    }

    /// <summary>Binds an asynchronous resolver: <c>schema.Resolve("Query", "user", async ctx =&gt; await store.GetAsync(...))</c>.</summary>
    public Schema Resolve(string typeName, string fieldName, Func<ResolveFieldContext, ValueTask<object?>> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        FindField(typeName, fieldName).Resolver = ctx => resolver(ctx);
        return this;
    }

    /// <summary>Binds the three coercion hooks of a custom scalar (see <see cref="ScalarType"/>).</summary>
    public Schema BindScalar(string name, Func<object, object?> serialize, Func<object, object?> parseValue, Func<ValueNode, IReadOnlyDictionary<string, object?>?, object?>? parseLiteral = null)
    {
        ArgumentNullException.ThrowIfNull(serialize);
        ArgumentNullException.ThrowIfNull(parseValue);
        if (GetType(name) is not ScalarType scalar || scalar.IsSpecified)
        {
            throw new SchemaException(SchemaMessages.NotCustomScalar(name));
        }
        scalar.Serialize = serialize;
        scalar.ParseValue = parseValue;
        scalar.ParseLiteral = parseLiteral ?? ((node, variables) =>
        {
            var raw = ValueCoercion.ValueFromAstUntyped(node, variables);
            return raw is null ? null : parseValue(raw);
        });
        return this;
    }

    /// <summary>Binds how values of an interface or union find their object type.</summary>
    public Schema BindTypeResolver(string abstractTypeName, TypeResolver resolver)
    {
        switch (GetType(abstractTypeName))
        {
            case InterfaceType i: i.ResolveType = resolver; break;
            case UnionType u: u.ResolveType = resolver; break;
            default: throw new SchemaException(SchemaMessages.NotAbstract(abstractTypeName));
        }
        return this;
    }

    /// <summary>Binds a predicate telling whether a value belongs to an object type (used when no type resolver is bound).</summary>
    public Schema BindIsTypeOf(string objectTypeName, Func<object, bool> isTypeOf)
    {
        var type = GetType(objectTypeName) as ObjectType ?? throw new SchemaException(SchemaMessages.NotObject(objectTypeName));
        type.IsTypeOf = isTypeOf;
        return this;
    }

    /// <summary>Binds the internal value resolvers see (and return) for an enum value; by default the name.</summary>
    public Schema BindEnumValue(string enumName, string valueName, object internalValue)
    {
        ArgumentNullException.ThrowIfNull(internalValue);
        var type = GetType(enumName) as EnumType ?? throw new SchemaException(SchemaMessages.NotEnum(enumName));
        var value = type.ValueMap.GetValueOrDefault(valueName) ?? throw new SchemaException(SchemaMessages.NoEnumValue(enumName, valueName));
        value.Value = internalValue;
        type.ValuesRebound();
        return this;
    }

    private FieldDefinition FindField(string typeName, string fieldName)
    {
        var type = GetType(typeName) as ObjectType ?? throw new SchemaException(SchemaMessages.NotObject(typeName));
        return type.Fields.GetValueOrDefault(fieldName) ?? throw new SchemaException(SchemaMessages.NoField(typeName, fieldName));
    }
}

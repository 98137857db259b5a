using LineageHub.GraphQL.Language;

namespace LineageHub.GraphQL.Types;

/// <summary>
/// An executable schema: types built from SDL plus the resolvers and coercion hooks bound to them.
/// Build with <see cref="FromSdl"/>, bind with the <c>Resolve</c>/<c>Bind*</c> methods at start-up, then
/// share it read-only between requests.
/// </summary>
public sealed partial class Schema
{
    private readonly Dictionary<string, NamedType> _types;
    private readonly Dictionary<string, DirectiveDefinition> _directives;
    private readonly Dictionary<NamedType, IReadOnlyList<ObjectType>> _possibleTypes = [];
    // Filled lazily by concurrent requests, hence concurrent.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(NamedType, NamedType), bool> _subTypes = new();

    internal Schema(string? description, Dictionary<string, NamedType> types, Dictionary<string, DirectiveDefinition> directives, ObjectType? query, ObjectType? mutation, ObjectType? subscription)
    {
        Description = description;
        _types = types;
        _directives = directives;
        QueryType = query;
        MutationType = mutation;
        SubscriptionType = subscription;
        foreach (var type in types.Values)
        {
            if (type is InterfaceType or UnionType)
            {
                _possibleTypes[type] = ComputePossibleTypes(type);
            }
            if (type is IFieldsType fields)
            {
                type.FieldLookup = new FieldTable(fields.Fields);
            }
        }
        // Spec 4.1 / 4.2: the implicit meta-fields __typename on every composite type, __schema and
        // __type on the query root.
        var stringType = (ScalarType)types["String"];
        TypeNameMetaField = new FieldDefinition("__typename", "The name of the current Object type at runtime.", new NonNullType(stringType), null, []);
        SchemaMetaField = new FieldDefinition("__schema", "Access the current type schema of this server.", new NonNullType(types["__Schema"]), null, [])
        {
            Resolver = static ctx => new ValueTask<object?>(ctx.Schema),
        };
        TypeMetaField = new FieldDefinition("__type", "Request the type information of a single type.", types["__Type"], null, [])
        {
            Resolver = static ctx => new ValueTask<object?>(ctx.Schema.GetType((string)ctx.Arguments["name"]!)),
        };
        TypeMetaField.ArgumentMap["name"] = new InputValue("name", null, new NonNullType(stringType), null, null, []);
        Introspection.IntrospectionResolvers.Bind(this);
    }

    internal FieldDefinition TypeNameMetaField { get; }

    internal FieldDefinition SchemaMetaField { get; }

    internal FieldDefinition TypeMetaField { get; }

    /// <summary>
    /// The field <paramref name="name"/> of a composite type, including the meta-fields <c>__typename</c>
    /// (any composite type) and <c>__schema</c>/<c>__type</c> (query root only); null when there is none.
    /// </summary>
    public FieldDefinition? GetField(NamedType parentType, string name)
    {
        if (name.Length > 2 && name[0] == '_' && name[1] == '_')
        {
            switch (name)
            {
                case "__typename" when parentType.IsComposite:
                    return TypeNameMetaField;
                case "__schema" when parentType == QueryType:
                    return SchemaMetaField;
                case "__type" when parentType == QueryType:
                    return TypeMetaField;
            }
        }
        return parentType.FieldLookup?.Get(name);
    }

    /// <summary>Builds a schema from SDL text; throws <see cref="GraphQLSyntaxException"/> or <see cref="SchemaException"/>.</summary>
    public static Schema FromSdl(string sdl, ParserOptions? options = null) =>
        SchemaBuilder.Build(Parser.Parse(sdl, options ?? ParserOptions.Default with { MaxTokens = int.MaxValue, MaxDocumentLength = int.MaxValue }));

    /// <summary>The schema description, if any.</summary>
    public string? Description { get; }

    /// <summary>The query root type.</summary>
    public ObjectType? QueryType { get; }

    /// <summary>The mutation root type, if any.</summary>
    public ObjectType? MutationType { get; }

    /// <summary>The subscription root type, if any.</summary>
    public ObjectType? SubscriptionType { get; }

    /// <summary>All named types, introspection types included.</summary>
    public IReadOnlyDictionary<string, NamedType> Types => _types;

    /// <summary>All directives, specified ones included.</summary>
    public IReadOnlyDictionary<string, DirectiveDefinition> Directives => _directives;

    /// <summary>The named type, or null.</summary>
    public NamedType? GetType(string name) => _types.GetValueOrDefault(name);

    /// <summary>The directive, or null.</summary>
    public DirectiveDefinition? GetDirective(string name) => _directives.GetValueOrDefault(name);

    /// <summary>The object types an interface or union may resolve to; for an object type, itself.</summary>
    public IReadOnlyList<ObjectType> GetPossibleTypes(NamedType type) =>
        type is ObjectType o ? [o] : _possibleTypes.GetValueOrDefault(type) ?? [];

    /// <summary>Whether <paramref name="maybeSub"/> is a member of the union or implements the interface <paramref name="abstractType"/>.</summary>
    public bool IsSubType(NamedType abstractType, NamedType maybeSub)
    {
        if (_subTypes.TryGetValue((abstractType, maybeSub), out var known))
        {
            return known;
        }
        var result = abstractType switch
        {
            UnionType u => u.Types.Contains(maybeSub),
            InterfaceType i => maybeSub is IFieldsType f && f.Interfaces.Contains(i),
            _ => false,
        };
        _subTypes[(abstractType, maybeSub)] = result;
        return result;
    }

    private List<ObjectType> ComputePossibleTypes(NamedType type) => type switch
    {
        UnionType u => [.. u.Types],
        InterfaceType i => [.. _types.Values.OfType<ObjectType>().Where(o => o.Interfaces.Contains(i))],
        _ => [],
    };

    /// <summary>Whether two composite types could share an object type (spec 5.5.2.3 GetPossibleTypes intersection).</summary>
    public bool TypesOverlap(NamedType a, NamedType b)
    {
        if (a == b)
        {
            return true;
        }
        var pa = GetPossibleTypes(a);
        var pb = GetPossibleTypes(b);
        return pa.Any(pb.Contains);
    }
}

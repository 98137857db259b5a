namespace LineageHub.GraphQL.Types;

/// <summary>Any type of a schema: a named type or a list/non-null wrapper.</summary>
public abstract class GraphQLType
{
    /// <summary>The introspection kind.</summary>
    public abstract TypeKind Kind { get; }

    // Subclassed only by NamedType, ListType and NonNullType. The named type is fixed when a type is made:
    // validation and execution ask for it at every field, and a field read beats a walk down the wrappers.
    private protected GraphQLType(NamedType? namedType)
    {
        NamedType = namedType ?? (NamedType)this;
    }

    /// <summary>The named type under all wrappers.</summary>
    public NamedType NamedType { get; }

    /// <summary>Input types: scalars, enums, input objects and wrappers of them (spec 3.4.2).</summary>
    public bool IsInputType => NamedType is ScalarType or EnumType or InputObjectType;

    /// <summary>Output types: everything but input objects (spec 3.4.2).</summary>
    public bool IsOutputType => NamedType is not InputObjectType;

    /// <summary>Scalars and enums.</summary>
    public bool IsLeaf => this is ScalarType or EnumType;

    /// <summary>Objects, interfaces and unions.</summary>
    public bool IsComposite => this is ObjectType or InterfaceType or UnionType;

    /// <summary>Interfaces and unions.</summary>
    public bool IsAbstract => this is InterfaceType or UnionType;

    /// <summary>The type without its non-null wrapper, if any.</summary>
    public GraphQLType Nullable => this is NonNullType n ? n.OfType : this;

    /// <summary>Prints the type reference in SDL syntax, e.g. <c>[String!]!</c>.</summary>
    public abstract override string ToString();
}

namespace LineageHub.GraphQL.Types;

/// <summary>A list of another type.</summary>
public sealed class ListType(GraphQLType ofType) : GraphQLType(ofType.NamedType)
{
    /// <summary>The item type.</summary>
    public GraphQLType OfType { get; } = ofType;

    public override TypeKind Kind => TypeKind.List;

    public override string ToString() => "[" + OfType + "]";
}

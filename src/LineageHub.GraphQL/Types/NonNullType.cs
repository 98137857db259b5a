namespace LineageHub.GraphQL.Types;

/// <summary>A non-null wrapper of a nullable type.</summary>
public sealed class NonNullType(GraphQLType ofType) : GraphQLType(ofType.NamedType)
{
    /// <summary>The wrapped (nullable) type.</summary>
    public GraphQLType OfType { get; } = ofType;

    public override TypeKind Kind => TypeKind.NonNull;

    public override string ToString() => OfType + "!";
}

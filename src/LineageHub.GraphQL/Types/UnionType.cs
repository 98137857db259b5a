namespace LineageHub.GraphQL.Types;

/// <summary>A union of object types (spec 3.8).</summary>
public sealed class UnionType : NamedType
{
    internal UnionType(string name, string? description) : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Union;

    /// <summary>Member types in definition order.</summary>
    public IReadOnlyList<ObjectType> Types { get; internal set; } = [];

    /// <summary>Bound by <see cref="Schema.BindTypeResolver"/>: names the object type of a resolved value.</summary>
    public TypeResolver? ResolveType { get; internal set; }
}

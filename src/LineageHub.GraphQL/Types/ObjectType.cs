namespace LineageHub.GraphQL.Types;

/// <summary>An object type (spec 3.6).</summary>
public sealed class ObjectType : NamedType, IFieldsType
{
    internal ObjectType(string name, string? description) : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Object;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, FieldDefinition> Fields => FieldMap;

    /// <inheritdoc/>
    public IReadOnlyList<InterfaceType> Interfaces { get; internal set; } = [];

    /// <summary>Bound by <see cref="Schema.BindIsTypeOf"/>: says whether a resolved value is of this type.</summary>
    public Func<object, bool>? IsTypeOf { get; internal set; }

    internal OrderedDictionary<string, FieldDefinition> FieldMap { get; } = new(StringComparer.Ordinal);
}

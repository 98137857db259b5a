namespace LineageHub.GraphQL.Types;

/// <summary>An interface type (spec 3.7), which may itself implement interfaces.</summary>
public sealed class InterfaceType : NamedType, IFieldsType
{
    internal InterfaceType(string name, string? description) : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Interface;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, FieldDefinition> Fields => FieldMap;

    /// <inheritdoc/>
    public IReadOnlyList<InterfaceType> Interfaces { get; internal set; } = [];

    /// <summary>Bound by <see cref="Schema.BindTypeResolver"/>: names the object type of a resolved value.</summary>
    public TypeResolver? ResolveType { get; internal set; }

    internal OrderedDictionary<string, FieldDefinition> FieldMap { get; } = new(StringComparer.Ordinal);
}

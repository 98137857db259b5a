namespace LineageHub.GraphQL.Types;

/// <summary>An input object type (spec 3.10); <c>@oneOf</c> makes it a one-of input object.</summary>
public sealed class InputObjectType : NamedType
{
    internal InputObjectType(string name, string? description) : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.InputObject;

    /// <summary>Fields in definition order.</summary>
    public IReadOnlyDictionary<string, InputValue> Fields => FieldMap;

    /// <summary>True when exactly one field must be given (<c>@oneOf</c>).</summary>
    public bool IsOneOf { get; internal set; }

    internal OrderedDictionary<string, InputValue> FieldMap { get; } = new(StringComparer.Ordinal);
}

namespace LineageHub.GraphQL.Types;

/// <summary>An enum type (spec 3.9). Values are represented internally by their names unless bound otherwise.</summary>
public sealed class EnumType : NamedType
{
    internal EnumType(string name, string? description) : base(name, description)
    {
    }

    public override TypeKind Kind => TypeKind.Enum;

    /// <summary>Values in definition order.</summary>
    public IReadOnlyDictionary<string, EnumValueDefinition> Values => ValueMap;

    internal OrderedDictionary<string, EnumValueDefinition> ValueMap { get; } = new(StringComparer.Ordinal);

    /// <summary>Result coercion: finds the value whose internal value (or name) equals <paramref name="value"/>.</summary>
    public EnumValueDefinition? FindByInternalValue(object value)
    {
        foreach (var (_, v) in ValueMap)
        {
            if (Equals(v.Value, value))
            {
                return v;
            }
        }
        if (value is string or Enum)
        {
            var text = value.ToString()!;
            return ValueMap.GetValueOrDefault(text);
        }
        return null;
    }
}

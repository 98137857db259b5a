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

    private Dictionary<object, EnumValueDefinition>? _byValue;

    internal OrderedDictionary<string, EnumValueDefinition> ValueMap { get; } = new(StringComparer.Ordinal);

    /// <summary>Result coercion: finds the value whose internal value (or name) equals <paramref name="value"/>.</summary>
    public EnumValueDefinition? FindByInternalValue(object value)
    {
        // A map from internal value to definition, built on first use: every enum field of every result
        // comes through here, and a scan compared the value with each definition in turn.
        var byValue = _byValue ??= BuildValueLookup();
        if (byValue.TryGetValue(value, out var found))
        {
            return found;
        }
        if (value is string or Enum)
        {
            var text = value.ToString()!;
            return ValueMap.GetValueOrDefault(text);
        }
        return null;
    }

    /// <summary>Forgets the value lookup after a binding changed an internal value.</summary>
    internal void ValuesRebound() => _byValue = null;

    // The first definition in definition order wins, as the scan it replaces did.
    private Dictionary<object, EnumValueDefinition> BuildValueLookup()
    {
        var lookup = new Dictionary<object, EnumValueDefinition>(ValueMap.Count);
        foreach (var (_, definition) in ValueMap)
        {
            lookup.TryAdd(definition.Value, definition);
        }
        return lookup;
    }
}

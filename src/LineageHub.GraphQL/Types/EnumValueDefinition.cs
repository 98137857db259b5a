namespace LineageHub.GraphQL.Types;

/// <summary>One value of an enum type.</summary>
public sealed class EnumValueDefinition
{
    internal EnumValueDefinition(string name, string? description, string? deprecationReason)
    {
        Name = name;
        Description = description;
        DeprecationReason = deprecationReason;
        Value = name;
    }

    /// <summary>The value's name as it appears in documents and responses.</summary>
    public string Name { get; }

    /// <summary>The value's description.</summary>
    public string? Description { get; }

    /// <summary>Non-null when deprecated with <c>@deprecated</c>.</summary>
    public string? DeprecationReason { get; }

    /// <summary>The internal value handed to resolvers (the name unless bound by <see cref="Schema.BindEnumValue"/>).</summary>
    public object Value { get; internal set; }
}

namespace LineageHub.GraphQL.Types;

/// <summary>A directive the schema knows (built-in or defined in SDL).</summary>
public sealed class DirectiveDefinition
{
    internal DirectiveDefinition(string name, string? description, bool isRepeatable, IReadOnlyList<string> locations)
    {
        Name = name;
        Description = description;
        IsRepeatable = isRepeatable;
        Locations = locations;
    }

    /// <summary>The name, without <c>@</c>.</summary>
    public string Name { get; }

    /// <summary>The description, if any.</summary>
    public string? Description { get; }

    /// <summary>Whether it may appear more than once at one location.</summary>
    public bool IsRepeatable { get; }

    /// <summary>Valid locations, as spec <c>DirectiveLocation</c> names.</summary>
    public IReadOnlyList<string> Locations { get; }

    /// <summary>Arguments in definition order.</summary>
    public IReadOnlyDictionary<string, InputValue> Arguments => ArgumentMap;

    internal OrderedDictionary<string, InputValue> ArgumentMap { get; } = new(StringComparer.Ordinal);
}

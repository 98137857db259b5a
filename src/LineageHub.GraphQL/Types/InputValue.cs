using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Types;

/// <summary>An argument or an input object field.</summary>
public sealed class InputValue
{
    internal InputValue(string name, string? description, GraphQLType type, ValueNode? defaultValue, string? deprecationReason, IReadOnlyList<DirectiveNode> directives)
    {
        Name = name;
        Description = description;
        Type = type;
        DefaultValue = defaultValue;
        DeprecationReason = deprecationReason;
        AppliedDirectives = directives;
    }

    /// <summary>The argument or field name.</summary>
    public string Name { get; }

    /// <summary>The description, if any.</summary>
    public string? Description { get; }

    /// <summary>The input type.</summary>
    public GraphQLType Type { get; internal set; }

    /// <summary>The default value literal, if any.</summary>
    public ValueNode? DefaultValue { get; }

    /// <summary>Non-null when deprecated.</summary>
    public string? DeprecationReason { get; }

    /// <summary>Directives applied in SDL.</summary>
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; }
}

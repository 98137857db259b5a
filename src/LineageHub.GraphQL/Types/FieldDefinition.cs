using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Types;

/// <summary>An output field of an object or interface, with the resolver bound to it.</summary>
public sealed class FieldDefinition
{
    internal FieldDefinition(string name, string? description, GraphQLType type, string? deprecationReason, IReadOnlyList<DirectiveNode> directives)
    {
        Name = name;
        Description = description;
        Type = type;
        DeprecationReason = deprecationReason;
        AppliedDirectives = directives;
    }

    /// <summary>The field name.</summary>
    public string Name { get; }

    /// <summary>The description, if any.</summary>
    public string? Description { get; }

    /// <summary>The output type.</summary>
    public GraphQLType Type { get; internal set; }

    /// <summary>Arguments in definition order.</summary>
    public IReadOnlyDictionary<string, InputValue> Arguments => ArgumentMap;

    /// <summary>Non-null when deprecated.</summary>
    public string? DeprecationReason { get; }

    /// <summary>Directives applied in SDL.</summary>
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; }

    /// <summary>The bound resolver; null means the default (dictionary lookup by field name).</summary>
    public FieldResolver? Resolver { get; internal set; }

    internal OrderedDictionary<string, InputValue> ArgumentMap { get; } = new(StringComparer.Ordinal);
}

using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Types;

/// <summary>A type with a name: scalar, object, interface, union, enum or input object.</summary>
public abstract class NamedType : GraphQLType
{
    private protected NamedType(string name, string? description)
        : base(null)
    {
        Name = name;
        Description = description;
    }

    /// <summary>The type's name.</summary>
    public string Name { get; }

    /// <summary>The type's description, if any.</summary>
    public string? Description { get; internal set; }

    /// <summary>Directives applied to the type in SDL, extensions included.</summary>
    public IReadOnlyList<DirectiveNode> AppliedDirectives { get; internal set; } = [];

    /// <summary>The definition and extension nodes this type was built from.</summary>
    public IReadOnlyList<TypeDefinitionNode> AstNodes { get; internal set; } = [];

    /// <summary>Output fields by name for objects and interfaces, built when the schema is built.</summary>
    internal FieldTable? FieldLookup { get; set; }

    public override string ToString() => Name;
}

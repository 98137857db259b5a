namespace LineageHub.GraphQL.Language.Ast;

/// <summary>
/// A named type definition or extension (spec 3.4, 3.5-3.10). One node shape serves all six kinds, the
/// lists that do not apply to a kind stay empty; this keeps the printer and schema builder to one path.
/// </summary>
public sealed record TypeDefinitionNode(
    Location Location,
    TypeDefinitionKind Kind,
    bool IsExtension,
    StringValueNode? Description,
    string Name,
    IReadOnlyList<NamedTypeNode> Interfaces,
    IReadOnlyList<DirectiveNode> Directives,
    IReadOnlyList<FieldDefinitionNode> Fields,
    IReadOnlyList<NamedTypeNode> UnionMembers,
    IReadOnlyList<EnumValueDefinitionNode> EnumValues,
    IReadOnlyList<InputValueDefinitionNode> InputFields) : DefinitionNode(Location);

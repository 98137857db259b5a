namespace LineageHub.GraphQL.Language.Ast;

/// <summary>The six kinds of named type definitions (spec 3.4).</summary>
public enum TypeDefinitionKind
{
    /// <summary><c>scalar</c></summary>
    Scalar,
    /// <summary><c>type</c></summary>
    Object,
    /// <summary><c>interface</c></summary>
    Interface,
    /// <summary><c>union</c></summary>
    Union,
    /// <summary><c>enum</c></summary>
    Enum,
    /// <summary><c>input</c></summary>
    InputObject,
}

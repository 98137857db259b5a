namespace LineageHub.GraphQL.Types;

/// <summary>The eight type kinds of spec 4.2.1 (__TypeKind).</summary>
public enum TypeKind
{
    /// <summary>A leaf value.</summary>
    Scalar,
    /// <summary>An object with fields.</summary>
    Object,
    /// <summary>An abstract type with fields.</summary>
    Interface,
    /// <summary>An abstract set of object types.</summary>
    Union,
    /// <summary>A leaf with named values.</summary>
    Enum,
    /// <summary>A structured input.</summary>
    InputObject,
    /// <summary>A list wrapper.</summary>
    List,
    /// <summary>A non-null wrapper.</summary>
    NonNull,
}

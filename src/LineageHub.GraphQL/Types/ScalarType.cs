using LineageHub.GraphQL.Execution;
using LineageHub.GraphQL.Language.Ast;

namespace LineageHub.GraphQL.Types;

/// <summary>
/// A scalar (spec 3.5) with its three coercion hooks. A hook signals a bad value by throwing
/// <see cref="CoercionException"/>; its message reaches the client.
/// </summary>
public sealed class ScalarType : NamedType
{
    internal ScalarType(string name, string? description) : base(name, description)
    {
        // An unbound custom scalar passes values through unchanged, as graphql-js's buildSchema does.
        Serialize = static v => v;
        ParseValue = static v => v;
        ParseLiteral = static (node, variables) => ValueCoercion.ValueFromAstUntyped(node, variables);
    }

    public override TypeKind Kind => TypeKind.Scalar;

    /// <summary>The URL of the scalar's specification (<c>@specifiedBy</c>).</summary>
    public string? SpecifiedByUrl { get; internal set; }

    /// <summary>Result coercion: an internal value to a JSON-compatible value.</summary>
    public Func<object, object?> Serialize { get; internal set; }

    /// <summary>Input coercion of a variable value (JSON-like: string, long, double, bool, lists, dictionaries).</summary>
    public Func<object, object?> ParseValue { get; internal set; }

    /// <summary>Input coercion of a literal; the variables are the operation's coerced variable values.</summary>
    public Func<ValueNode, IReadOnlyDictionary<string, object?>?, object?> ParseLiteral { get; internal set; }

    /// <summary>True for Int, Float, String, Boolean and ID.</summary>
    public bool IsSpecified => Name is "Int" or "Float" or "String" or "Boolean" or "ID";
}

using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Execution;

/// <summary>What a resolver sees: the parent value, coerced arguments, the field, and the request.</summary>
public sealed class ResolveFieldContext
{
    private readonly PathSegment _path;

    internal ResolveFieldContext(Schema schema, ObjectType parentType, FieldDefinition field, IReadOnlyList<FieldNode> fieldNodes, object? source, IReadOnlyDictionary<string, object?> arguments, RequestContext request, IReadOnlyDictionary<string, object?> variables, PathSegment path)
    {
        Schema = schema;
        ParentType = parentType;
        Field = field;
        FieldNodes = fieldNodes;
        Source = source;
        Arguments = arguments;
        Request = request;
        Variables = variables;
        _path = path;
    }

    /// <summary>The schema being executed.</summary>
    public Schema Schema { get; }

    /// <summary>The object type the field belongs to.</summary>
    public ObjectType ParentType { get; }

    /// <summary>The field being resolved.</summary>
    public FieldDefinition Field { get; }

    /// <summary>The (merged) field selections being resolved.</summary>
    public IReadOnlyList<FieldNode> FieldNodes { get; }

    /// <summary>The parent value: what the parent field's resolver returned (the root value for root fields).</summary>
    public object? Source { get; }

    /// <summary>Coerced argument values (spec 6.4.1); absent arguments without defaults are missing.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>The per-request context: services, user context, DataLoaders.</summary>
    public RequestContext Request { get; }

    /// <summary>The operation's coerced variable values.</summary>
    public IReadOnlyDictionary<string, object?> Variables { get; }

    /// <summary>Cancelled when the client disconnects or the request times out.</summary>
    public CancellationToken CancellationToken => Request.CancellationToken;

    /// <summary>The response path of this field.</summary>
    public IReadOnlyList<object> Path => _path.ToList();

    /// <summary>
    /// An argument converted to <typeparamref name="T"/>: numbers convert between numeric types,
    /// otherwise the value must already be a <typeparamref name="T"/>. Missing or null gives <paramref name="defaultValue"/>.
    /// </summary>
    public T? GetArgument<T>(string name, T? defaultValue = default)
    {
        if (!Arguments.TryGetValue(name, out var value) || value is null)
        {
            return defaultValue;
        }
        if (value is T typed)
        {
            return typed;
        }
        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (value is IConvertible && (target.IsPrimitive || target == typeof(decimal)))
        {
            return (T)Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture);
        }
        throw new InvalidCastException($"Argument \"{name}\" is a {value.GetType().Name}, not a {typeof(T).Name}.");
    }
}

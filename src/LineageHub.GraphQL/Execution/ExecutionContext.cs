using LineageHub.GraphQL.Language.Ast;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Execution;

/// <summary>
/// The state of executing one operation (spec 6.2-6.4). Runs on the request's <see cref="ExecutionPump"/>,
/// so its caches are touched by one continuation at a time; locks stay anyway because resolvers may
/// complete on other threads.
/// </summary>
internal sealed partial class ExecutionContext
{
    private readonly Schema _schema;
    private readonly Dictionary<string, FragmentDefinitionNode> _fragments = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, object?> _variables;
    private readonly RequestContext _request;
    private readonly List<GraphQLError> _errors = [];
    private readonly Func<Exception, GraphQLException?>? _translate;

    public ExecutionContext(Schema schema, DocumentNode document, IReadOnlyDictionary<string, object?> variables, RequestContext request, Func<Exception, GraphQLException?>? translate)
    {
        _schema = schema;
        _translate = translate;
        _variables = variables;
        _request = request;
        foreach (var definition in document.Definitions)
        {
            if (definition is FragmentDefinitionNode fragment)
            {
                _fragments.TryAdd(fragment.Name, fragment);
            }
        }
    }

    public List<GraphQLError> Errors
    {
        get
        {
            lock (_errors)
            {
                return [.. _errors];
            }
        }
    }

    // Spec 6.2.1 (queries: fields may run in parallel) and 6.2.2 (mutations: serially).
    public async ValueTask<IReadOnlyDictionary<string, object?>?> ExecuteOperationAsync(ObjectType root, OperationDefinitionNode operation, object? rootValue)
    {
        var fields = CollectFields(root, operation.SelectionSet);
        try
        {
            var data = operation.Operation == OperationType.Mutation ? ExecuteSeriallyAsync(root, rootValue, fields) : ExecuteFieldsAsync(root, rootValue, fields, null);
            return (ResultMap?)await data;
        }
        catch (NullPropagationException)
        {
            return null;
        }
    }

    private ValueTask<object?> ExecuteFieldsAsync(ObjectType type, object? source, CollectedSet set, PathSegment? path)
    {
        var values = new object?[set.Fields.Length];
        PendingFields? pending = null;
        var complete = StartFields(type, source, set, path, values, 0, null, ref pending);
        var map = new ResultMap(set.Keys, values, set.EncodedKeys);
        return pending is not null ? pending.Seal(map, propagate: !complete)
            : complete ? new ValueTask<object?>(map)
            : throw new NullPropagationException();
    }

    // Spec 6.2.2: each root field of a mutation finishes before the next starts.
    private async ValueTask<object?> ExecuteSeriallyAsync(ObjectType type, object? source, CollectedSet set)
    {
        var fields = set.Fields;
        var values = new object?[fields.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            if (TryCompleteLeafFast(type, source, fields[i], out values[i]))
            {
                continue;
            }
            PendingFields? pending = null;
            ExecuteField(type, source, fields[i], null, values, i, 0, null, ref pending);
            if (pending is not null)
            {
                await pending.Seal(values, propagate: false);
            }
        }
        return new ResultMap(set.Keys, values, set.EncodedKeys);
    }

    // Starts every field of one object (spec 6.3, fields in parallel). Finished values go straight into
    // values; a field that must wait joins pending (the list's, for an object of a list: itemType) under
    // owner, the object's index in its list. False when a non-null field failed at once: the object is
    // null, and like graphql-js its later fields are not started.
    // path is the object's, or for an object of a list the list's: an item's own path is made only when
    // a field of it needs one (most items of a long list have leaves alone, which complete without).
    private bool StartFields(ObjectType type, object? source, CollectedSet set, PathSegment? path, object?[] values, int owner, GraphQLType? itemType, ref PendingFields? pending)
    {
        var fields = set.Fields;
        PathSegment? itemPath = null;
        for (var i = 0; i < fields.Length; i++)
        {
            if (TryCompleteLeafFast(type, source, fields[i], out values[i]))
            {
                continue;
            }
            try
            {
                ExecuteField(type, source, fields[i], itemType is null ? path : itemPath ??= new PathSegment(path, owner), values, i, owner, itemType, ref pending);
            }
            catch (NullPropagationException)
            {
                return false;
            }
        }
        return true;
    }

    // Spec 6.4 Executing Fields, as far as it goes without waiting: the value lands in values[index], or
    // the field joins pending. A field error is handled here (6.4.4); a non-null field's error throws
    // NullPropagationException.
    private void ExecuteField(ObjectType parentType, object? source, CollectedField field, PathSegment? parentPath, object?[] values, int index, int owner, GraphQLType? itemType, ref PendingFields? pending)
    {
        var definition = field.Definition;
        if (ReferenceEquals(definition, _schema.TypeNameMetaField))
        {
            values[index] = parentType.Name;
            return;
        }
        var path = new PathSegment(parentPath, field.ResponseKey);
        try
        {
            _request.CancellationToken.ThrowIfCancellationRequested();
            object? result;
            if (definition.Resolver is null)
            {
                result = DefaultResolve(source, definition.Name);
            }
            else
            {
                var context = new ResolveFieldContext(_schema, parentType, definition, field.Nodes, source, GetArguments(field), _request, _variables, path);
                var resolving = definition.Resolver(context);
                if (!resolving.IsCompleted)
                {
                    (pending ??= new PendingFields(this, itemType)).Add(values, index, owner, parentType, field, path, resolving, resolved: false);
                    return;
                }
                result = resolving.GetAwaiter().GetResult();
            }
            var completing = CompleteResolvedAsync(parentType, field, result, path);
            if (!completing.IsCompleted)
            {
                (pending ??= new PendingFields(this, itemType)).Add(values, index, owner, parentType, field, path, completing, resolved: true);
                return;
            }
            values[index] = completing.GetAwaiter().GetResult();
        }
        catch (Exception ex) when (!IsCancellation(ex))
        {
            values[index] = FieldError(ex, field, path);
        }
    }

    /// <summary>Finishes a field whose task completed: its value completion after its resolver, or its completed value.</summary>
    internal void FinishPending(PendingField field)
    {
        try
        {
            var value = field.Task.GetAwaiter().GetResult();
            if (!field.Resolved)
            {
                var completing = CompleteResolvedAsync(field.ParentType, field.Field, value, field.Path);
                if (!completing.IsCompleted)
                {
                    field.Set.Add(field.Values, field.Index, field.Owner, field.ParentType, field.Field, field.Path, completing, resolved: true);
                    return;
                }
                value = completing.GetAwaiter().GetResult();
            }
            field.Values[field.Index] = value;
        }
        catch (Exception ex) when (!IsCancellation(ex))
        {
            try
            {
                field.Values[field.Index] = FieldError(ex, field.Field, field.Path);
            }
            catch (NullPropagationException)
            {
                field.Set.Nullify(field.Owner);
            }
        }
    }

    private ValueTask<object?> CompleteResolvedAsync(ObjectType parentType, CollectedField field, object? result, PathSegment path) =>
        result is Task
            ? throw new GraphQLException(ExecutionMessages.ResolverReturnedTask(parentType.Name, field.Definition.Name))
            : CompleteValueAsync(field.Definition.Type, field, parentType, result, path);

    // Spec 6.4.4: a field error is recorded and the field is null; a non-null field passes the null up.
    // A null already propagated from below stops at the first nullable field.
    private object? FieldError(Exception ex, CollectedField field, PathSegment path)
    {
        if (ex is not NullPropagationException)
        {
            RecordError(ex, field.Nodes, path);
        }
        return field.Definition.Type is NonNullType ? throw new NullPropagationException() : null;
    }

    // The request's own cancellation ends the whole execution rather than becoming a field error.
    private bool IsCancellation(Exception ex) => ex is OperationCanceledException && _request.CancellationToken.IsCancellationRequested;

    // Most fields of large results are leaves read by the default resolver; they complete here without
    // a path, a context or an async frame. Anything unusual (null for non-null, a coercion error) returns
    // false and takes the full path, which records the error properly.
    private bool TryCompleteLeafFast(ObjectType parentType, object? source, CollectedField field, out object? value)
    {
        var definition = field.Definition;
        value = null;
        if (ReferenceEquals(definition, _schema.TypeNameMetaField))
        {
            value = parentType.Name;
            return true;
        }
        if (definition.Resolver is not null)
        {
            return false;
        }
        var type = definition.Type;
        var nonNull = type is NonNullType;
        var leafType = nonNull ? ((NonNullType)type).OfType : type;
        if (leafType is not (ScalarType or EnumType))
        {
            return false;
        }
        var raw = DefaultResolve(source, definition.Name);
        if (raw is null)
        {
            return !nonNull;
        }
        try
        {
            value = leafType is ScalarType scalar ? scalar.Serialize(raw) : ((EnumType)leafType).FindByInternalValue(raw)?.Name;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            value = null;
            return false;
        }
        return value is not null;
    }

    private static object? DefaultResolve(object? source, string name) => source switch
    {
        IReadOnlyDictionary<string, object?> map => map.TryGetValue(name, out var value) ? value : null,
        IDictionary<string, object?> map => map.TryGetValue(name, out var value) ? value : null,
        _ => null,
    };

    private void RecordError(Exception ex, IReadOnlyList<FieldNode> nodes, PathSegment path)
    {
        var shown = ex as GraphQLException ?? _translate?.Invoke(ex);
        var error = new GraphQLError(shown?.Message ?? ex.Message)
        {
            Locations = [.. nodes.Select(n => new ErrorLocation(n.Location.Line, n.Location.Column))],
            Path = path.ToList(),
            Extensions = shown?.Extensions,
        };
        lock (_errors)
        {
            _errors.Add(error);
        }
    }
}

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
            return await ExecuteFieldsAsync(root, rootValue, fields, null, serial: operation.Operation == OperationType.Mutation);
        }
        catch (NullPropagationException)
        {
            return null;
        }
    }

    private async ValueTask<ResultMap> ExecuteFieldsAsync(ObjectType type, object? source, CollectedSet set, PathSegment? path, bool serial)
    {
        var fields = set.Fields;
        var values = new object?[fields.Length];
        var propagate = false;
        List<(int Index, ValueTask<object?> Task)>? pending = null;
        for (var i = 0; i < fields.Length; i++)
        {
            if (TryCompleteLeafFast(type, source, fields[i], out var leaf))
            {
                values[i] = leaf;
                continue;
            }
            var task = ExecuteFieldAsync(type, source, fields[i], path);
            if (task.IsCompletedSuccessfully)
            {
                values[i] = task.Result;
            }
            else if (serial || task.IsCompleted)
            {
                try
                {
                    values[i] = await task;
                }
                catch (NullPropagationException)
                {
                    if (serial)
                    {
                        throw;
                    }
                    // The object is already null: like graphql-js, fields not yet started are not run.
                    propagate = true;
                    break;
                }
            }
            else
            {
                (pending ??= []).Add((i, task));
            }
        }
        if (pending is not null)
        {
            // Every started field is awaited, even after one propagated null, so none runs unobserved.
            foreach (var (index, task) in pending)
            {
                try
                {
                    values[index] = await task;
                }
                catch (NullPropagationException)
                {
                    propagate = true;
                }
            }
        }
        if (propagate)
        {
            throw new NullPropagationException();
        }
        return new ResultMap(set.Keys, values, set.EncodedKeys);
    }

    // Spec 6.4 Executing Fields, with 6.4.4 Handling Field Errors.
    private async ValueTask<object?> ExecuteFieldAsync(ObjectType parentType, object? source, CollectedField field, PathSegment? parentPath)
    {
        var definition = field.Definition;
        if (ReferenceEquals(definition, _schema.TypeNameMetaField))
        {
            return parentType.Name;
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
                var resolved = definition.Resolver(context);
                result = resolved.IsCompletedSuccessfully ? resolved.Result : await resolved;
            }
            if (result is Task)
            {
                throw new GraphQLException(ExecutionMessages.ResolverReturnedTask(parentType.Name, definition.Name));
            }
            var completed = CompleteValueAsync(definition.Type, field, parentType, result, path);
            return completed.IsCompletedSuccessfully ? completed.Result : await completed;
        }
        catch (NullPropagationException) when (definition.Type is not NonNullType)
        {
            return null;
        }
        catch (Exception ex) when (ex is not NullPropagationException && !(ex is OperationCanceledException && _request.CancellationToken.IsCancellationRequested))
        {
            RecordError(ex, field.Nodes, path);
            if (definition.Type is NonNullType)
            {
                throw new NullPropagationException();
            }
            return null;
        }
    }

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

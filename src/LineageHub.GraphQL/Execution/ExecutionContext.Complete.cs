using System.Collections;
using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Execution;

internal sealed partial class ExecutionContext
{
    // Spec 6.4.3 Value Completion.
    private async ValueTask<object?> CompleteValueAsync(GraphQLType type, CollectedField field, ObjectType parentType, object? result, PathSegment path)
    {
        if (type is NonNullType nonNull)
        {
            var inner = CompleteValueAsync(nonNull.OfType, field, parentType, result, path);
            var completed = inner.IsCompletedSuccessfully ? inner.Result : await inner;
            return completed ?? throw new GraphQLException(ExecutionMessages.NonNullReturnedNull(parentType.Name, field.Definition.Name));
        }
        if (result is null)
        {
            return null;
        }
        switch (type)
        {
            case ListType list:
                return await CompleteListAsync(list, field, parentType, result, path);
            case ScalarType scalar:
                try
                {
                    return scalar.Serialize(result);
                }
                catch (CoercionException ex)
                {
                    throw new GraphQLException(ex.Message);
                }
            case EnumType enumType:
                return enumType.FindByInternalValue(result)?.Name
                    ?? throw new GraphQLException(ExecutionMessages.EnumCannotRepresent(enumType.Name, Inspect.Value(result)));
            case ObjectType objectType:
                return await CompleteObjectAsync(objectType, field, result, path);
            default:
                var runtime = ResolveRuntimeType((NamedType)type, field, parentType, result, path);
                return await CompleteObjectAsync(runtime, field, result, path);
        }
    }

    private ValueTask<object?> CompleteObjectAsync(ObjectType type, CollectedField field, object result, PathSegment path)
    {
        if (type.IsTypeOf is { } isTypeOf && !isTypeOf(result))
        {
            throw new GraphQLException(ExecutionMessages.IsTypeOfFailed(type.Name, Inspect.Value(result)));
        }
        return ExecuteFieldsAsync(type, result, CollectSubfields(type, field), path);
    }

    private ValueTask<object?> CompleteListAsync(ListType list, CollectedField field, ObjectType parentType, object result, PathSegment path)
    {
        if (result is string || result is IDictionary || result is not IEnumerable items)
        {
            throw new GraphQLException(ExecutionMessages.NotIterable(parentType.Name, field.Definition.Name));
        }
        // A list that knows its length (most do) is completed straight into an array of that length; one
        // that does not, or that grows while it is enumerated, grows the array.
        var values = new object?[result is ICollection known ? known.Count : 4];
        return list.OfType.Nullable is ObjectType objectType
            ? CompleteObjectList(list.OfType, objectType, field, parentType, items, values, path)
            : CompleteItemsAsync(list.OfType, field, parentType, items, values, path);
    }

    // A list of objects (the bulk of large results): every item's fields are started, and whatever they
    // wait on is finished as it completes, the list completing once with the last of them.
    private ValueTask<object?> CompleteObjectList(GraphQLType itemType, ObjectType objectType, CollectedField field, ObjectType parentType, IEnumerable items, object?[] values, PathSegment path)
    {
        var set = CollectSubfields(objectType, field);
        PendingFields? pending = null;
        var propagate = false;
        var index = 0;
        foreach (var item in items)
        {
            if (index == values.Length)
            {
                Array.Resize(ref values, Math.Max(4, values.Length * 2));
            }
            var map = StartItem(itemType, objectType, set, field, parentType, item, path, index, ref pending);
            if (map is null && itemType is NonNullType)
            {
                // The list is already null: like graphql-js, the remaining items are not completed.
                propagate = true;
                break;
            }
            values[index++] = map;
        }
        // Only the items enumerated: fewer than the array holds when it grew, or the collection shrank.
        var completed = index == values.Length ? values : values[..index];
        return pending is not null ? pending.Seal(completed, propagate)
            : propagate ? throw new NullPropagationException()
            : new ValueTask<object?>(completed);
    }

    // One object item of a list (at index of the list at listPath): its result object (its fields started),
    // or null when the item is null or a non-null field of it failed at once, with the error recorded.
    private ResultMap? StartItem(GraphQLType itemType, ObjectType type, CollectedSet set, CollectedField field, ObjectType parentType, object? item, PathSegment listPath, int index, ref PendingFields? pending)
    {
        try
        {
            if (item is null)
            {
                return itemType is NonNullType ? throw new GraphQLException(ExecutionMessages.NonNullReturnedNull(parentType.Name, field.Definition.Name)) : null;
            }
            if (type.IsTypeOf is { } isTypeOf && !isTypeOf(item))
            {
                throw new GraphQLException(ExecutionMessages.IsTypeOfFailed(type.Name, Inspect.Value(item)));
            }
        }
        catch (Exception ex) when (!IsCancellation(ex))
        {
            RecordError(ex, field.Nodes, new PathSegment(listPath, index));
            return null;
        }
        var values = new object?[set.Fields.Length];
        return StartFields(type, item, set, listPath, values, index, itemType, ref pending) ? new ResultMap(set.Keys, values, set.EncodedKeys) : null;
    }

    private async ValueTask<object?> CompleteItemsAsync(GraphQLType itemType, CollectedField field, ObjectType parentType, IEnumerable items, object?[] values, PathSegment path)
    {
        List<(int Index, ValueTask<object?> Task)>? pending = null;
        var propagate = false;
        var index = 0;
        foreach (var item in items)
        {
            object? value = null;
            var task = CompleteItemAsync(itemType, field, parentType, item, new PathSegment(path, index));
            if (task.IsCompletedSuccessfully)
            {
                value = task.Result;
            }
            else if (task.IsCompleted)
            {
                try
                {
                    await task;
                }
                catch (NullPropagationException)
                {
                    // The list is already null: like graphql-js, the remaining items are not completed.
                    propagate = true;
                    break;
                }
            }
            else
            {
                (pending ??= []).Add((index, task));
            }
            if (index == values.Length)
            {
                Array.Resize(ref values, Math.Max(4, values.Length * 2));
            }
            values[index] = value;
            index++;
        }
        if (pending is not null)
        {
            foreach (var (i, task) in pending)
            {
                try
                {
                    values[i] = await task;
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
        // Only the items enumerated: fewer than the array holds when it grew, or the collection shrank.
        return index == values.Length ? values : values[..index];
    }

    private async ValueTask<object?> CompleteItemAsync(GraphQLType itemType, CollectedField field, ObjectType parentType, object? item, PathSegment path)
    {
        try
        {
            var task = CompleteValueAsync(itemType, field, parentType, item, path);
            return task.IsCompletedSuccessfully ? task.Result : await task;
        }
        catch (NullPropagationException) when (itemType is not NonNullType)
        {
            return null;
        }
        catch (Exception ex) when (ex is not NullPropagationException && !(ex is OperationCanceledException && _request.CancellationToken.IsCancellationRequested))
        {
            RecordError(ex, field.Nodes, path);
            if (itemType is NonNullType)
            {
                throw new NullPropagationException();
            }
            return null;
        }
    }

    // Spec 6.4.3 ResolveAbstractType.
    private ObjectType ResolveRuntimeType(NamedType abstractType, CollectedField field, ObjectType parentType, object result, PathSegment path)
    {
        var resolver = abstractType switch
        {
            InterfaceType i => i.ResolveType,
            UnionType u => u.ResolveType,
            _ => null,
        };
        string? name = null;
        if (resolver is not null)
        {
            var context = new ResolveFieldContext(_schema, parentType, field.Definition, field.Nodes, result, GetArguments(field), _request, _variables, path);
            name = resolver(result, context);
        }
        else if (result is IReadOnlyDictionary<string, object?> map && map.TryGetValue("__typename", out var typename))
        {
            name = typename as string;
        }
        else
        {
            name = _schema.GetPossibleTypes(abstractType).FirstOrDefault(t => t.IsTypeOf?.Invoke(result) == true)?.Name;
        }
        if (name is null)
        {
            throw new GraphQLException(ExecutionMessages.AbstractTypeUnresolved(abstractType.Name, parentType.Name, field.Definition.Name));
        }
        var runtime = _schema.GetType(name) as ObjectType
            ?? throw new GraphQLException(ExecutionMessages.AbstractTypeUnknown(abstractType.Name, name));
        if (!_schema.IsSubType(abstractType, runtime))
        {
            throw new GraphQLException(ExecutionMessages.NotPossibleType(name, abstractType.Name));
        }
        return runtime;
    }
}

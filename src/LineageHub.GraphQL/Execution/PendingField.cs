using LineageHub.GraphQL.Types;

namespace LineageHub.GraphQL.Execution;

/// <summary>
/// A field that could not finish without waiting: where its value goes (a slot of its object's values),
/// which object of a list it belongs to, and the task it waits on — its resolver's (<see cref="Resolved"/>
/// false, value completion still to come) or its value completion's (true).
/// </summary>
internal sealed class PendingField(PendingFields set, object?[] values, int index, int owner, ObjectType parentType, CollectedField field, PathSegment path, ValueTask<object?> task, bool resolved)
{
    public PendingFields Set { get; } = set;

    public object?[] Values { get; } = values;

    public int Index { get; } = index;

    public int Owner { get; } = owner;

    public ObjectType ParentType { get; } = parentType;

    public CollectedField Field { get; } = field;

    public PathSegment Path { get; } = path;

    public ValueTask<object?> Task { get; } = task;

    public bool Resolved { get; } = resolved;

    /// <summary>The continuation registered on <see cref="Task"/>.</summary>
    public void OnTaskCompleted() => Set.TaskCompleted(this);
}

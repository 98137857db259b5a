namespace LineageHub.Core.Domain;

/// <summary>One execution of a job, identified by a UUID.</summary>
public readonly record struct RunId(Guid Value)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.Run, Value.ToString("D"));

    public override string ToString() => Value.ToString("D");
}

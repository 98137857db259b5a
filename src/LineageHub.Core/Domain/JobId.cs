namespace LineageHub.Core.Domain;

/// <summary>A job: the recurring process (ETL, training, evaluation) that runs make.</summary>
public readonly record struct JobId(string Namespace, string Name)
{
    /// <summary>The graph node key of this id.</summary>
    public NodeKey Key => NodeKey.Of(NodeKind.Job, Namespace, Name);

    public override string ToString() => $"{Namespace}/{Name}";
}

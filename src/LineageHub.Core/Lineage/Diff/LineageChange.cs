using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

/// <summary>
/// One difference between two lineages. <see cref="Subject"/> names what changed (a job, a dataset, a model);
/// <see cref="Distance"/> is how many edges upstream of the compared node it lies; a
/// <see cref="RootCause"/> has no other change upstream of it, everything else is a consequence. Code lives
/// on the commit or files a run used (upstream of the run), parameters and environment on the run itself,
/// data on a dataset version, metrics on the model version. The detail matching <see cref="Kind"/> is set.
/// </summary>
public sealed record LineageChange(ChangeKind Kind, string Subject, int Distance, NodeKey? FromNode, NodeKey? ToNode)
{
    public bool RootCause { get; init; }

    public InputChange? Input { get; init; }

    public DataChange? Data { get; init; }

    public CodeChange? Code { get; init; }

    /// <summary>The parameter, environment variable or consent outcome that changed.</summary>
    public ValueChange? Value { get; init; }

    public MetricDelta? Metric { get; init; }
}

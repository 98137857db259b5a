namespace LineageHub.Core.Lineage.Diff;

/// <summary>One metric of the two model versions side by side; <see cref="Delta"/> is To − From when both have it.</summary>
public sealed record MetricDelta(string Name, double? From, double? To)
{
    public double? Delta => From is { } a && To is { } b ? b - a : null;

    public bool Changed => From != To;
}

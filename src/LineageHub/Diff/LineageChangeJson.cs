using LineageHub.Core.Lineage.Diff;

namespace LineageHub.Diff;

/// <summary>One change as JSON: node keys as their text ids, the detail of its kind set and the others null.</summary>
public sealed record LineageChangeJson(
    ChangeKind Kind,
    string Subject,
    int Distance,
    bool RootCause,
    string? From,
    string? To,
    InputChangeJson? Input,
    DataChangeJson? Data,
    CodeChange? Code,
    ValueChange? Value,
    MetricDelta? Metric)
{
    public static LineageChangeJson Of(LineageChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var input = change.Input is { } i
            ? new InputChangeJson(i.FromDataset?.ToString(), i.FromVersion?.ToString(), i.ToDataset?.ToString(), i.ToVersion?.ToString())
            : null;
        return new LineageChangeJson(change.Kind, change.Subject, change.Distance, change.RootCause, change.FromNode?.ToString(), change.ToNode?.ToString(),
            input, change.Data is { } data ? DataChangeJson.Of(data) : null, change.Code, change.Value, change.Metric);
    }
}

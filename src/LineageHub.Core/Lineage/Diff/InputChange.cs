using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

/// <summary>A dataset a run reads on one side and not the other (both given for a swap); the versions read, as node keys.</summary>
public sealed record InputChange(DatasetId? FromDataset, NodeKey? FromVersion, DatasetId? ToDataset, NodeKey? ToVersion);

namespace LineageHub.Core.Lineage.Diff;

/// <summary>What happened to a file between two runs' code.</summary>
public enum FileChangeKind
{
    Added,
    Removed,
    Modified,
    Renamed,
}

namespace LineageHub.Core.Domain;

/// <summary>How a dataset version's content was fingerprinted.</summary>
public enum SnapshotMode
{
    Raw,
    Table,
}

namespace LineageHub.Cli;

/// <summary>Where a registered snapshot was recorded: its dataset version node and ledger entry.</summary>
public sealed record SnapshotRegistrationJson(string Id, bool Changed, long? Seq, string Message);

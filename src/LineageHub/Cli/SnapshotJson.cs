namespace LineageHub.Cli;

/// <summary>What <c>lineagehub snapshot</c> prints (and, with <c>--json</c>, prints as JSON).</summary>
public sealed record SnapshotJson(
    string Path,
    string Root,
    string Mode,
    string Format,
    long Leaves,
    long? Rows,
    long Chunks,
    long Bytes,
    string? SchemaFingerprint,
    IReadOnlyList<string>? Columns,
    string? Key,
    double Seconds,
    double MegabytesPerSecond,
    SnapshotRegistrationJson? Registered);

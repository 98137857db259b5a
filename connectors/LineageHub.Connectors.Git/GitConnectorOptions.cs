namespace LineageHub.Connectors.Git;

/// <summary>How the connector runs git and how much it accepts from it.</summary>
public sealed record GitConnectorOptions
{
    /// <summary>The git executable: a name looked up on PATH, or a full path.</summary>
    public string GitExecutable { get; init; } = "git";

    /// <summary>
    /// Extra environment variables for every git process (a null value removes the variable), e.g.
    /// <c>HOME</c> or <c>GIT_CONFIG_GLOBAL</c> to isolate git from the machine's configuration.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>Commit messages longer than this are cut and flagged <see cref="GitCommitInfo.IsMessageTruncated"/>.</summary>
    public int MaxMessageBytes { get; init; } = 1 << 20;

    /// <summary>The largest single record (a path, a header line) accepted from git before it is an error.</summary>
    public int MaxRecordBytes { get; init; } = 1 << 20;

    /// <summary>
    /// When false (the default), capturing history from a shallow clone is an error naming the missing
    /// history; when true, the commits present are captured and boundary commits list parents that are absent.
    /// </summary>
    public bool AllowShallowHistory { get; init; }

    /// <summary>The defaults.</summary>
    public static GitConnectorOptions Default { get; } = new();
}

namespace LineageHub.Integrity;

/// <summary>
/// The <c>Verification</c> section of the server's configuration (appsettings.json or
/// <c>Verification__*</c> environment variables): what scheduled verification may read, when it runs, how
/// hard it may push the disk, and where alerts go. Defaults are listed in README.
/// </summary>
public sealed record VerificationSettings
{
    public const string Section = "Verification";

    /// <summary>Whether the scheduler runs at all (on-demand verification works either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Folders whose files may be re-read; a storage URI below none of them is reported, never read. Dataset jobs are scheduled only when one is given.</summary>
    public List<string> AllowedRoots { get; set; } = [];

    /// <summary>Quartz cron (seconds first) of the job that verifies every dataset version not in a namespace of <see cref="NamespaceSchedules"/>.</summary>
    public string DatasetsCron { get; set; } = "0 0 2 * * ?";

    /// <summary>Quartz cron of the ledger job.</summary>
    public string LedgerCron { get; set; } = "0 15 * * * ?";

    /// <summary>Schedules of their own for the versions of some dataset namespaces.</summary>
    public List<NamespaceSchedule> NamespaceSchedules { get; set; } = [];

    /// <summary>At most this many dataset versions are verified at once, across all jobs and on-demand requests.</summary>
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>Skip files whose size and modification time are as at their last successful verification.</summary>
    public bool Incremental { get; set; }

    /// <summary>Bound on the bytes per second each verification reads; unset is unbounded.</summary>
    public long? MaxBytesPerSecond { get; set; }

    /// <summary>Hashing threads, shared by the verifications running at once: one verification alone uses them all.</summary>
    public int Threads { get; set; } = Environment.ProcessorCount;

    /// <summary>The CPU priority of the hashing threads as a nice value, 0 (that of request threads) to 19 (the lowest): API requests come first.</summary>
    public int Nice { get; set; } = 10;

    /// <summary>How long shutdown waits for running verifications before it cancels them.</summary>
    public double ShutdownTimeoutSeconds { get; set; } = 30;

    /// <summary>URLs every state-change alert is POSTed to as JSON.</summary>
    public List<string> Webhooks { get; set; } = [];

    /// <summary>Delivery attempts per alert and webhook.</summary>
    public int WebhookAttempts { get; set; } = 6;

    /// <summary>The wait before the second attempt; each later wait doubles it.</summary>
    public double WebhookBackoffSeconds { get; set; } = 1;

    /// <summary>The table-mode salt key file the versions were snapshotted with (default: snapshot-salt.key in the data folder).</summary>
    public string? SaltKeyFile { get; set; }
}

namespace LineageHub.Integrity;

/// <summary>
/// A schedule of its own for the dataset versions of one namespace. A list entry rather than a dictionary
/// key, because namespaces hold ':' (s3://lake), which configuration keys use as their path separator.
/// </summary>
public sealed record NamespaceSchedule
{
    public string Namespace { get; set; } = "";

    /// <summary>Quartz cron, seconds first.</summary>
    public string Cron { get; set; } = "";
}

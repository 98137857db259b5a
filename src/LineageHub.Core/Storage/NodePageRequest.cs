namespace LineageHub.Core.Storage;

/// <summary>
/// A page of nodes of one kind in key order: within a key prefix, optionally only names containing a
/// text, strictly after and/or before a key, read forward (from the smallest key) or backward (from
/// the largest; the page is still returned in ascending key order).
/// </summary>
public sealed record NodePageRequest(int Limit)
{
    /// <summary>Only keys starting with this (e.g. <c>s3://lake|</c> for one namespace's datasets).</summary>
    public string? KeyPrefix { get; init; }

    /// <summary>
    /// Only nodes whose name contains this text (ordinal, ignoring ASCII case). The name is the key after
    /// its first part (a dataset's or job's name), or the whole key when it has one part (a model's name).
    /// </summary>
    public string? NameContains { get; init; }

    /// <summary>Only keys greater than this.</summary>
    public string? AfterKey { get; init; }

    /// <summary>Only keys less than this.</summary>
    public string? BeforeKey { get; init; }

    /// <summary>Take the page from the end of the range instead of its start.</summary>
    public bool Backward { get; init; }
}

namespace LineageHub.Connectors.Git;

/// <summary>Which repository this is, independent of how it was cloned.</summary>
/// <param name="Kind">Whether a remote or the root commit identified it.</param>
/// <param name="Key">
/// The identity: <c>host/org/repo</c> (lower-case host, no credentials, port, scheme or <c>.git</c>) for a
/// hosted remote, the normalised path for a remote on a local disk, or <c>ROOTSHA:PATH</c> without a remote.
/// </param>
/// <param name="RemoteName">The remote used (<c>origin</c> when present), or null.</param>
/// <param name="RemoteUrl">The remote URL with any credentials removed, or null.</param>
/// <param name="RootCommit">Without a remote: the root commit reached by first parents from HEAD.</param>
/// <param name="Path">The working tree (or bare repository) folder.</param>
public sealed record GitRepositoryIdentity(
    GitIdentityKind Kind,
    string Key,
    string? RemoteName,
    string? RemoteUrl,
    GitObjectId? RootCommit,
    string Path);

namespace LineageHub.Runs;

/// <summary>
/// The code of a run: a local repository folder (<see cref="LocalPath"/>) to capture, or the URL of a
/// repository whose commit is already registered.
/// </summary>
public sealed record ManifestCode(string Repository, string? LocalPath, string? Commit, IReadOnlyList<string>? Files);

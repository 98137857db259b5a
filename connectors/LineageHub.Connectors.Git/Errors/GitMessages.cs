using System.Globalization;

namespace LineageHub.Connectors.Git;

/// <summary>Every message this connector produces, in one place, so tests assert on the same text.</summary>
public static class GitMessages
{
    public const string Unspecified = "a git operation failed";

    public const string GitNotFoundFormat =
        "the git executable '{0}' could not be started: it is not installed or not on PATH ({1}); install git or set GitConnectorOptions.GitExecutable";

    public const string GitTooOldFormat =
        "the git executable '{0}' is too old: git 2.31 or later is needed (for rev-parse --path-format)";

    public const string PathNotFoundFormat = "'{0}' is not a git repository: the folder does not exist";

    public const string NotARepositoryFormat = "'{0}' is not a git repository (nor inside one): {1}";

    public const string BareRepositoryFormat = "'{0}' is a bare repository: it has no working tree to inspect";

    public const string ShallowCloneFormat =
        "'{0}' is a shallow clone: history before the shallow boundary commit(s) {1} is missing (their parents were not fetched), so commits cannot be captured completely; run 'git fetch --unshallow', or set GitConnectorOptions.AllowShallowHistory to capture only the commits present";

    public const string ShallowNoRootFormat =
        "'{0}' is a shallow clone without a remote: its root commit is missing (history stops at {1}), so it cannot be identified";

    public const string UnknownRevisionFormat = "unknown commit or ref '{0}' in repository '{1}'";

    public const string NoCommitsFormat = "repository '{0}' has no commits yet (HEAD is unborn)";

    public const string InvalidRevisionFormat = "invalid revision '{0}': it is empty or contains a line break or NUL";

    public const string InvalidPathFormat = "invalid path filter '{0}': use a path relative to the repository root, without '..' or NUL";

    public const string InvalidObjectIdFormat = "'{0}' is not a full git object id (40 or 64 hex digits)";

    public const string CommandFailedFormat = "'{0}' failed with exit code {1}: {2}";

    public const string MalformedOutputFormat = "'{0}' printed output that does not follow its documented format: {1}";

    public const string RecordTooLargeFormat = "'{0}' printed a record larger than the limit of {1} bytes";

    public const string DirtyWarningFormat =
        "the working tree '{0}' has uncommitted changes ({1} tracked, {2} untracked file(s)) relative to commit {3}: the code that ran is not reproducible from the commit alone (working tree {4}, diff {5})";

    public const string UnbornHead = "(no commit yet)";

    public static string GitNotFound(string executable, string reason) => Format(GitNotFoundFormat, executable, reason);

    public static string GitTooOld(string executable) => Format(GitTooOldFormat, executable);

    public static string PathNotFound(string path) => Format(PathNotFoundFormat, path);

    public static string NotARepository(string path, string gitError) => Format(NotARepositoryFormat, path, gitError);

    public static string BareRepository(string path) => Format(BareRepositoryFormat, path);

    public static string ShallowClone(string path, IEnumerable<GitObjectId> boundary) =>
        Format(ShallowCloneFormat, path, string.Join(", ", boundary));

    public static string ShallowNoRoot(string path, IEnumerable<GitObjectId> boundary) =>
        Format(ShallowNoRootFormat, path, string.Join(", ", boundary));

    public static string UnknownRevision(string revision, string repository) => Format(UnknownRevisionFormat, revision, repository);

    public static string NoCommits(string repository) => Format(NoCommitsFormat, repository);

    public static string InvalidRevision(string revision) => Format(InvalidRevisionFormat, revision);

    public static string InvalidPath(string path) => Format(InvalidPathFormat, path);

    public static string InvalidObjectId(string text) => Format(InvalidObjectIdFormat, text);

    public static string CommandFailed(string command, int exitCode, string error) =>
        Format(CommandFailedFormat, command, exitCode, error.Length == 0 ? "(no error output)" : error);

    public static string MalformedOutput(string command, string detail) => Format(MalformedOutputFormat, command, detail);

    public static string RecordTooLarge(string command, int limit) => Format(RecordTooLargeFormat, command, limit);

    public static string DirtyWarning(string root, int tracked, int untracked, GitObjectId? head, GitObjectId tree, string digest) =>
        Format(DirtyWarningFormat, root, tracked, untracked, head?.Value ?? UnbornHead, tree, digest);

    private static string Format(string format, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, format, args);
}

using LineageHub.Core.Domain;
using LineageHub.Core.Hashing;

namespace LineageHub.Diff;

/// <summary>The messages of <c>lineagehub diff</c> and its evidence, in one place so tests assert on the same wording.</summary>
public static class DiffReportMessages
{
    public const string RowsForTablesOnly = "exact rows are compared for table snapshots only";

    public static string FileNotReachable(NodeKey version, string? uri) =>
        uri is null
            ? $"{version} was registered without a storage URI: its rows cannot be read here"
            : $"the file of {version} is not reachable here ({uri}): rows are compared from the stored chunk list only";

    public static string FileNoLongerMatches(NodeKey version, string uri, Digest root) =>
        $"{uri} no longer holds {version} (its root is now {root}, or another salt key is in use): its rows were not compared";

    public static string NoCheckout(string repository) =>
        $"no checkout of {repository} found (give one with --repo): files are as the runs recorded them, without line counts";

    public static string GitDiffFailed(string repository, string message) => $"git could not diff {repository}: {message}";

    public static string ServerNotSupported =>
        "diff reads a local store (--data); against a server, ask its GraphQL API for lineageDiff";

    public static string NotAReference(string text) =>
        $"'{text}' names nothing to diff: give MODEL@VERSION, a run id, NAMESPACE/NAME@ROOT for a dataset version, or a node id kind:key";

    public static string DepthOutOfRange(int depth, int max) => $"depth must be 0 to {max}, got {depth}";

    public static string NodesOutOfRange(int nodes, int max) => $"maxNodes must be 1 to {max}, got {nodes}";
}

using LineageHub.Core.Domain;

namespace LineageHub.Core.Lineage.Diff;

/// <summary>The lineage diff's messages, in one place so tests assert on the same wording.</summary>
public static class DiffMessages
{
    public static string KindsDiffer(NodeKey from, NodeKey to) =>
        $"cannot diff {from} against {to}: a {NodeKinds.Name(from.Kind)} is compared only with another {NodeKinds.Name(from.Kind)}, not with a {NodeKinds.Name(to.Kind)}";

    public static string CannotDiff(NodeKey key) =>
        $"cannot diff {key}: give two model versions, two runs or two dataset versions";

    public static string CommitBudget(int budget) => $"the commit budget must be 1 or more, got {budget}";

    public static string NoSuchNode(NodeKey key) => $"no node {key}";

    public static string Truncated(string side, TruncationReason reason) =>
        $"the {side} side's lineage was cut by the {reason.ToString().ToLowerInvariant()} budget; changes beyond it are not seen";

    public static string CommitHistoryTruncated(int budget) =>
        $"commit history walked {budget} commits deep on a side without meeting the other commit; the commit list may be incomplete";

    public static string Dirty(string side, string? digest) =>
        $"the {side} run's working tree had uncommitted changes{(digest is null ? "" : $" (diff {digest})")}: its code is not reproducible from the commit alone";
}

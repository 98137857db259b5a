namespace LineageHub.Connectors.Git;

/// <summary>The order in which commits are enumerated.</summary>
public enum GitCommitOrder
{
    /// <summary>git's default walk, newest first; streams without git first walking the whole history.</summary>
    NewestFirst,

    /// <summary>Every parent before its children (<c>--topo-order --reverse</c>); git walks the range first.</summary>
    ParentsFirst,
}

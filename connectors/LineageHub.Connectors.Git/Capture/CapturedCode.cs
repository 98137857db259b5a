using LineageHub.Core.Domain;
using LineageHub.Core.Ledger;

namespace LineageHub.Connectors.Git;

/// <summary>
/// The code behind a run, as lineage facts: the repository, the commit the run used, the commits of its
/// history not recorded before (each with its parents), the files of the commit with their blob hashes,
/// and the state of the working tree when the capture was taken from one.
/// </summary>
public sealed record CapturedCode(
    Repository Repository,
    Commit Commit,
    IReadOnlyList<CapturedCommit> NewCommits,
    IReadOnlyList<SourceFile> Files,
    GitWorkingState? WorkingState)
{
    /// <summary>True when the run's code is not reproducible from <see cref="Commit"/> alone.</summary>
    public bool IsDirty => WorkingState?.IsDirty == true;

    /// <summary>
    /// Adds the repository and the new commits with their PARENT and IN_REPO edges. Parents outside
    /// <see cref="NewCommits"/> were recorded by an earlier capture. The files are a run's to link (with
    /// their IN_REPO edges), since which files a run used is part of that run's record.
    /// </summary>
    public ChangeSetBuilder AddHistoryTo(ChangeSetBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Add(Repository);
        foreach (var captured in NewCommits)
        {
            builder.Add(captured.Commit).Link(EdgeKind.InRepo, captured.Commit.Key, Repository.Key);
        }
        foreach (var captured in NewCommits)
        {
            foreach (var parent in captured.ParentShas)
            {
                builder.Link(EdgeKind.Parent, captured.Commit.Key, new CommitId(Repository.Id, parent).Key);
            }
        }
        return builder;
    }
}

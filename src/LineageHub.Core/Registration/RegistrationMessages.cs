using LineageHub.Core.Domain;

namespace LineageHub.Core.Registration;

/// <summary>The registrars' messages, in one place so tests assert on the same wording.</summary>
public static class RegistrationMessages
{
    public static string RunRegisteredDifferently(RunId run, string what) =>
        $"run {run} is already registered with different {what}; a run id names one run, so register a new run instead";

    public static string JobTypeDiffers(JobId job, JobType stored, JobType given) =>
        $"job {job} is registered as {stored.ToString().ToLowerInvariant()}, not {given.ToString().ToLowerInvariant()}";

    public static string EndsBeforeStart(RunId run) => $"run {run} ends before it starts";

    public static string CommitOfOtherRepository(CommitId commit, RepositoryId repository) =>
        $"commit {commit.Sha} is given for repository {repository} but names repository {commit.Repository}";

    public static string NoCommits => "give at least one commit";

    public static string ModelVersionEmpty => "a produced model version needs a model name and a version";
}

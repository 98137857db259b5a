using LineageHub.Core.Domain;

namespace LineageHub.Core.Registration;

/// <summary>
/// Everything known about one run, as a client reports it: the job, the run's own record, the dataset
/// versions it read and wrote, the code it ran and the model version it produced. Registered as one
/// change set by <see cref="RunRegistrar"/>; the run id is its natural key.
/// </summary>
public sealed record RunRegistration(
    JobId Job,
    JobType JobType,
    Guid RunId,
    RunStatus Status,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? EndedAt = null,
    IReadOnlyDictionary<string, string>? Parameters = null,
    IReadOnlyDictionary<string, string>? Environment = null,
    IReadOnlyList<DatasetVersionId>? Inputs = null,
    IReadOnlyList<DatasetVersionId>? Outputs = null,
    CodeReference? Code = null,
    ModelVersion? Produced = null)
{
    /// <summary>The run record this registration stores.</summary>
    public Run ToRun() => new(RunId, Job.Namespace, Job.Name, Status, StartedAt, EndedAt, Parameters, Environment);
}

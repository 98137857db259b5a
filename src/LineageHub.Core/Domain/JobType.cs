namespace LineageHub.Core.Domain;

/// <summary>What a job does.</summary>
public enum JobType
{
    Etl,
    Training,
    Evaluation,
    Other,
}

namespace LineageHub.Core.Domain;

/// <summary>How a run ended (or that it has not).</summary>
public enum RunStatus
{
    Running,
    Completed,
    Failed,
    Aborted,
}

namespace LineageHub.Integrity;

/// <summary>Queues a verification to run in the server now, without waiting for it.</summary>
public interface IVerificationQueue
{
    /// <summary>Queues <paramref name="request"/>; the id its run goes by.</summary>
    Task<string> QueueAsync(VerificationRequest request, CancellationToken cancellationToken);
}

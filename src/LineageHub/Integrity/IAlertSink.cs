namespace LineageHub.Integrity;

/// <summary>Where state-change alerts go. <see cref="Publish"/> never blocks: a verification job must not wait on a slow webhook.</summary>
public interface IAlertSink
{
    void Publish(VerificationAlert alert);
}

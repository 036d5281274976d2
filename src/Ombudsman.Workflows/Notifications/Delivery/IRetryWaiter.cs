namespace Ombudsman.Workflows.Notifications;

/// <summary>How a transport waits between retries; tests substitute one that advances a fake clock instead of sleeping.</summary>
internal interface IRetryWaiter
{
    Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken);
}

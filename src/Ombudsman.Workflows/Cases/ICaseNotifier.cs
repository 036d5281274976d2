namespace Ombudsman.Workflows.Cases;

/// <summary>Delivers case notifications (the email layer implements it). Throwing makes the activity retry.</summary>
public interface ICaseNotifier
{
    Task NotifyAsync(CaseNotification notification, CancellationToken cancellationToken);
}

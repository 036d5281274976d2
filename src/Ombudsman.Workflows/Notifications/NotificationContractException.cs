namespace Ombudsman.Workflows.Notifications;

/// <summary>The caller built a notification that breaks the contract (wrong role for the template, missing identity for the guard).</summary>
internal sealed class NotificationContractException(string message) : Exception(message);

namespace Ombudsman.Workflows.Cases;

/// <summary>Who a case notification is for; the email layer resolves the address.</summary>
public enum NotificationRecipient
{
    Complainant,
    Provider,

    /// <summary>Staff of the case's office.</summary>
    Staff,
}

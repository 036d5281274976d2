namespace Ombudsman.Workflows.Notifications;

/// <summary>States of a send record: Pending -> Sent | Rejected | Failed (retryable) | Uncertain.</summary>
internal enum SendStatus
{
    /// <summary>Written before the email service is called; holds the key for one attempt (a lease).</summary>
    Pending,

    /// <summary>The email service accepted the message.</summary>
    Sent,

    /// <summary>Permanently refused (4xx such as a bad address, or blocked by the confidentiality guard): "email not delivered".</summary>
    Rejected,

    /// <summary>The service stayed unavailable through every retry; nothing was accepted and a later attempt may retry.</summary>
    Failed,

    /// <summary>An attempt may have reached the service but was never recorded; not resent automatically (at-most-once).</summary>
    Uncertain,
}

namespace Ombudsman.Workflows.Cases;

/// <summary>What became of a case notification, as far as the case needs to know.</summary>
public enum CaseNotificationDelivery
{
    /// <summary>Handed over now.</summary>
    Delivered,

    /// <summary>An earlier attempt with the same idempotency key delivered it; nothing was sent now.</summary>
    AlreadyDelivered,

    /// <summary>Will not arrive (address refused, no address on file, blocked by the confidentiality guard): staff must act.</summary>
    NotDelivered,

    /// <summary>An attempt may or may not have gone out (crash between sending and recording): staff must check.</summary>
    Uncertain,
}

namespace Ombudsman.Workflows.Notifications;

/// <summary>Who an email is for; each template is written for exactly one role.</summary>
internal enum RecipientRole
{
    /// <summary>The complainant (pelapor / pengadu).</summary>
    Complainant,

    /// <summary>The public service provider (penyelenggara / pelaksana) complained about.</summary>
    Provider,

    /// <summary>Ombudsman or complaint-unit staff of a regional office.</summary>
    Staff,
}

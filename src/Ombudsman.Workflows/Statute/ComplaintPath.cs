namespace Ombudsman.Workflows.Statute;

/// <summary>Which of the two complaint paths a rule belongs to.</summary>
public enum ComplaintPath
{
    /// <summary>Complaint to the provider (UU 25/2009 ch. VII), rules P1-P11.</summary>
    Provider,

    /// <summary>Report to the Ombudsman (UU 37/2008, PO 58/2023, PO 31/2018), rules O1-O12.</summary>
    Ombudsman,
}

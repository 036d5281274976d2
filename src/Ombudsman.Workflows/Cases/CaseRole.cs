namespace Ombudsman.Workflows.Cases;

/// <summary>Who acts on a case.</summary>
public enum CaseRole
{
    /// <summary>The complainant (pengadu / pelapor) or an authorised representative.</summary>
    Complainant,

    /// <summary>The provider or reported party (penyelenggara / terlapor).</summary>
    Provider,

    /// <summary>Complaint-unit or Ombudsman office staff.</summary>
    Staff,

    /// <summary>The workflow itself: deadlines and their consequences.</summary>
    System,
}

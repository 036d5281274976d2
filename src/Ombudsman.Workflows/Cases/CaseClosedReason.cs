namespace Ombudsman.Workflows.Cases;

/// <summary>Why a case was closed.</summary>
public enum CaseClosedReason
{
    /// <summary>Withdrawn by the complainant.</summary>
    Withdrawn,

    /// <summary>Deemed withdrawn (dianggap mencabut): the file was not completed in time, UU 25/2009 art. 45(3).</summary>
    DeemedWithdrawn,

    /// <summary>Rejected, with reason (e.g. UU 37/2008 art. 24).</summary>
    Rejected,

    /// <summary>The office has no authority over the matter.</summary>
    NoAuthority,

    /// <summary>Resolved: agreement, compensation paid, corrective actions or recommendation carried out.</summary>
    Resolved,

    /// <summary>Decided and delivered with nothing left to monitor.</summary>
    Decided,

    /// <summary>Referred to the body that must handle it (another institution, the provider's superior, a court), with the reason.</summary>
    Referred,

    /// <summary>Closed without resolution: the agreement or the recommendation was not carried out and nothing more can be done, with the reason.</summary>
    Unresolved,

    /// <summary>The Ombudsman stopped the examination (O9, PO 58/2023) for one of <see cref="ExaminationStopReason"/>.</summary>
    ExaminationStopped,
}

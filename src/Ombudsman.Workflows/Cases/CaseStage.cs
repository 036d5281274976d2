namespace Ombudsman.Workflows.Cases;

/// <summary>Where a case stands (shared/domain/STATUTE.md, "Stages"); the custom status field <c>stage</c>.</summary>
public enum CaseStage
{
    /// <summary>Filed; receipt issued, rule set pinned, time limits checked (P1, P4, O1, O2).</summary>
    Received,

    /// <summary>Staff check the file is complete (P5, 14 days; O4, 14 working days).</summary>
    CompletenessCheck,

    /// <summary>The complainant completes the file (P6 / O3, 30 days); missing it means deemed withdrawn.</summary>
    CureWindow,

    /// <summary>The complaint goes to the official who must handle it (UU 25/2009 art. 46).</summary>
    Routing,

    /// <summary>Examination (pemeriksaan): provider response, clarification (O5), summonses (O6); decision due (P8).</summary>
    Examination,

    /// <summary>Mediation or conciliation rounds (O7).</summary>
    Mediation,

    /// <summary>Special adjudication on compensation after failed mediation (O12, PO 31/2018).</summary>
    SpecialAdjudication,

    /// <summary>The decision is made and must reach the complainant (P9, P11).</summary>
    Delivery,

    /// <summary>Compensation set in a decision or adjudication is awaited (P10, O12).</summary>
    CompensationPayment,

    /// <summary>The reported party carries out the corrective actions of the final result (O10).</summary>
    CorrectiveActions,

    /// <summary>A recommendation is monitored until the superior implements it (O11).</summary>
    RecommendationMonitoring,

    /// <summary>Closed, with <see cref="CaseStatus.ClosedReason"/>.</summary>
    Closed,

    // Added after Closed so the values already stored keep their numbers.

    /// <summary>The agreement reached in mediation or conciliation is monitored until it is carried out (O7A, office policy).</summary>
    AgreementMonitoring,

    /// <summary>
    /// Corrective actions were not carried out in time (O10): the office follows them up with the reported party (resolution
    /// and monitoring, O10A) before it issues a recommendation to the superior.
    /// </summary>
    ResolutionMonitoring,
}

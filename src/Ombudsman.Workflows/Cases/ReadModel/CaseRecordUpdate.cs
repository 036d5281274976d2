namespace Ombudsman.Workflows.Cases.ReadModel;

/// <summary>
/// What a case changed since its last write to the read model, sent by the orchestration to the record activity.
/// <see cref="Version"/> grows with every write, so a late duplicate of an older write changes nothing.
/// </summary>
public sealed record CaseRecordUpdate
{
    public required string CaseId { get; init; }

    public required string Office { get; init; }

    public required int Version { get; init; }

    /// <summary>How many inputs (actions, deadline events, timers) the case has taken so far.</summary>
    public required int InputsHandled { get; init; }

    /// <summary>
    /// Written where the case waits for its next input (or has ended): every input counted in
    /// <see cref="InputsHandled"/> has been applied. False on writes made part-way through a step.
    /// </summary>
    public required bool Waiting { get; init; }

    /// <summary>The case's status without its timeline (entries travel in <see cref="NewEntries"/>).</summary>
    public required CaseStatus Status { get; init; }

    /// <summary>Sequence number of the first of <see cref="NewEntries"/> (entries are numbered from 1).</summary>
    public required int FirstSequence { get; init; }

    public required IReadOnlyList<TimelineEntry> NewEntries { get; init; }

    /// <summary>Every timer the case is running now; rows not listed are removed.</summary>
    public required IReadOnlyList<CaseTimerRow> Timers { get; init; }

    /// <summary>The filing, on the case's first write only.</summary>
    public CaseFiling? Filing { get; init; }
}

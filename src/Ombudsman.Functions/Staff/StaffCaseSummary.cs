using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Staff;

/// <summary>One case in a staff list: where it stands and what is due.</summary>
internal sealed record StaffCaseSummary
{
    public required string CaseId { get; init; }

    public required CaseStage Stage { get; init; }

    public required ComplaintPath Path { get; init; }

    public required string Office { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    public bool Overdue { get; init; }

    public bool Escalated { get; init; }

    /// <summary>The statutory deadlines running on the case, earliest first.</summary>
    public required IReadOnlyList<OpenDeadline> OpenDeadlines { get; init; }

    public static StaffCaseSummary From(CaseStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new StaffCaseSummary
        {
            CaseId = status.CaseId,
            Stage = status.Stage,
            Path = status.Path,
            Office = status.Office,
            ReceivedAt = status.ReceivedAt,
            Overdue = status.Overdue,
            Escalated = status.Escalated,
            OpenDeadlines = [.. status.OpenDeadlines.OrderBy(d => d.DueAt)],
        };
    }
}

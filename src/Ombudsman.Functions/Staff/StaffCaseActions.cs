using Ombudsman.Functions.Identity;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Offices;

namespace Ombudsman.Functions.Staff;

/// <summary>
/// A staff member's action on a case, as the staff API and the console's case page both take it: the case must be of
/// the member's office (another office's case is a missing one), the member's role must be granted the action
/// (<see cref="StaffActionPermissions"/>), and the case's own rules (<see cref="CaseStageRules"/>, checked by
/// <see cref="CaseCommands"/>) decide the rest; their refusal is thrown as <see cref="CaseActionRefusedException"/>.
/// </summary>
internal sealed class StaffCaseActions(CaseCommands commands, OfficeDirectory offices)
{
    public async Task<StaffActionOutcome> ActAsync(StaffMember member, string caseId, string action, StaffActionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(request);
        if (!CaseEvents.All.Contains(action, StringComparer.Ordinal))
        {
            return new StaffActionOutcome(StaffActionResult.UnknownAction, null);
        }

        // Existence and office first: a member of another office must not learn the case exists, even by a 403.
        var status = await commands.GetAsync(caseId, cancellationToken);
        if (status is null || status.Office != member.Office)
        {
            return new StaffActionOutcome(StaffActionResult.CaseNotFound, null);
        }

        if (!StaffActionPermissions.MayAct(member, action))
        {
            return new StaffActionOutcome(StaffActionResult.RoleNotAllowed, null);
        }

        var caseAction = request.ToAction(member.ToActor());
        if (action == CaseEvents.SuspendDeadline && request.Reason is not null && caseAction.SuspensionReason is null)
        {
            return new StaffActionOutcome(StaffActionResult.InvalidSuspensionReason, null);
        }

        // A transfer names a configured office other than the case's own; the case's rules check the rest (stage, path, reason).
        if (action == CaseEvents.TransferOffice && caseAction.ReceivingOffice is { Length: > 0 } receiving
            && (offices.Find(receiving) is null || string.Equals(receiving, status.Office, StringComparison.OrdinalIgnoreCase)))
        {
            return new StaffActionOutcome(StaffActionResult.InvalidReceivingOffice, null);
        }

        if (SuspensionReasonBeyondRole(member, action, caseAction, status) is { } reason)
        {
            return new StaffActionOutcome(StaffActionResult.SuspensionRoleNotAllowed, null) { SuspensionReason = reason };
        }

        await commands.SubmitAsync(caseId, action, caseAction, cancellationToken);
        return new StaffActionOutcome(StaffActionResult.Accepted, caseAction);
    }

    /// <summary>
    /// An agreed extension is the head of office's alone, to grant and to end: the reason of a suspension decides who
    /// may take it (and lift it) beyond the action's own roles. The reason the member may not act for, or null.
    /// </summary>
    private static SuspensionReason? SuspensionReasonBeyondRole(StaffMember member, string action, CaseAction caseAction, CaseStatus status)
    {
        var reason = action switch
        {
            CaseEvents.SuspendDeadline => caseAction.SuspensionReason,
            CaseEvents.ResumeDeadline when caseAction.DeadlineRuleId is { Length: > 0 } ruleId =>
                DeadlineSuspensionRules.Find(status.OpenDeadlines, ruleId)?.Suspended?.Reason,
            _ => null,
        };
        return reason is { } why && !StaffActionPermissions.MaySuspend(member, why) ? why : null;
    }
}

internal enum StaffActionResult
{
    Accepted,
    UnknownAction,
    CaseNotFound,
    RoleNotAllowed,

    /// <summary>A suspension whose reason is not one of the list.</summary>
    InvalidSuspensionReason,

    /// <summary>The member's roles may suspend, but not for this reason (an agreed extension is the head of office's).</summary>
    SuspensionRoleNotAllowed,

    /// <summary>A transfer to an office that is not configured, or to the case's own office.</summary>
    InvalidReceivingOffice,
}

/// <summary>What became of a staff action; <see cref="Action"/> is what was submitted when it was accepted.</summary>
internal sealed record StaffActionOutcome(StaffActionResult Result, CaseAction? Action)
{
    /// <summary>With <see cref="StaffActionResult.SuspensionRoleNotAllowed"/>: the reason the member may not act for.</summary>
    public SuspensionReason? SuspensionReason { get; init; }
}

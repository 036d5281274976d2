namespace Ombudsman.Workflows.Cases;

/// <summary>An action was refused; nothing was changed. <see cref="Code"/> is stable (e.g. "action-not-valid-in-stage").</summary>
public sealed class CaseActionRefusedException : Exception
{
    public CaseActionRefusedException(string caseId, string eventName, CaseActionRefusal refusal)
        : base($"Case '{caseId}': '{eventName}' refused ({refusal?.Code}): {refusal?.Reason}")
    {
        ArgumentNullException.ThrowIfNull(refusal);
        CaseId = caseId;
        EventName = eventName;
        Code = refusal.Code;
        Reason = refusal.Reason;
    }

    public string CaseId { get; }

    public string EventName { get; }

    public string Code { get; }

    public string Reason { get; }
}

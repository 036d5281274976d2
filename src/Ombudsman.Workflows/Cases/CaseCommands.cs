using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Orchestrations;

namespace Ombudsman.Workflows.Cases;

/// <summary>
/// Staff and party actions on a case, for the API. An action is checked against the case's current stage
/// (<see cref="CaseStageRules"/>) before it is raised; a refused action throws
/// <see cref="CaseActionRefusedException"/> and changes nothing.
/// </summary>
public sealed class CaseCommands
{
    private readonly DurableClient _client;

    public CaseCommands(DurableClient client) => _client = client;

    /// <summary>Files a complaint: starts its case orchestration under <paramref name="caseId"/> (idempotent on the id).</summary>
    public Task<string> FileAsync(string caseId, Complaint complaint, CancellationToken cancellationToken = default) =>
        _client.StartAsync(CaseOrchestration.Name, complaint, caseId, cancellationToken: cancellationToken);

    /// <summary>Sends <paramref name="eventName"/> (one of <see cref="CaseEvents"/>) to the case, or throws why not.</summary>
    public async Task SubmitAsync(string caseId, string eventName, CaseAction action, CancellationToken cancellationToken = default)
    {
        var status = await CurrentAsync(caseId, eventName, cancellationToken);
        if (CaseStageRules.Check(status.Stage, status.Path, eventName, action) is { } refusal)
        {
            throw new CaseActionRefusedException(caseId, eventName, refusal);
        }

        await _client.RaiseEventAsync(caseId, eventName, action, cancellationToken);
    }

    /// <summary>The case's status as the orchestrator last published it, or null for an unknown case.</summary>
    public async Task<CaseStatus?> GetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var instance = await _client.GetStatusAsync(caseId, cancellationToken);
        return instance is null || instance.Name != CaseOrchestration.Name ? null : instance.ReadCustomStatus<CaseStatus>();
    }

    private async Task<CaseStatus> CurrentAsync(string caseId, string eventName, CancellationToken cancellationToken)
    {
        var instance = await _client.GetStatusAsync(caseId, cancellationToken);
        if (instance is null || instance.Name != CaseOrchestration.Name)
        {
            throw new CaseActionRefusedException(caseId, eventName, new(CaseActionRefusal.CaseNotFound, $"There is no case '{caseId}'."));
        }

        var status = instance.ReadCustomStatus<CaseStatus>();
        // Closed is published before the instance completes; the answer must not depend on which the caller sees.
        if (instance.Status != OrchestrationStatus.Running || status is null || status.Stage == CaseStage.Closed)
        {
            var why = status?.Stage == CaseStage.Closed ? $"it is closed ({status.ClosedReason})" : $"its workflow is {instance.Status}";
            throw new CaseActionRefusedException(caseId, eventName, new(CaseActionRefusal.CaseNotOpen, $"Case '{caseId}' takes no actions: {why}."));
        }

        return status;
    }
}

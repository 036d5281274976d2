using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Orchestrations;

namespace Ombudsman.Functions.Api;

/// <summary>Reads a filed case (its orchestration's input and custom status) for the complainant and provider endpoints.</summary>
internal sealed class CaseReader(DurableClient client)
{
    public async Task<FiledCase?> GetAsync(string caseId, CancellationToken cancellationToken)
    {
        var instance = await client.GetStatusAsync(caseId, cancellationToken);
        if (instance is null || instance.Name != CaseOrchestration.Name || DurableJson.Deserialize<Complaint>(instance.Input) is not { } complaint)
        {
            return null;
        }

        return new FiledCase(caseId, complaint, instance.ReadCustomStatus<CaseStatus>(), instance.CreatedAt);
    }
}

using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Durable;

namespace Ombudsman.Workflows.Notifications;

/// <summary>Reads the complaint from the case orchestration's input, the one record of what was filed.</summary>
internal sealed class DurableCaseContacts(DurableClient client) : ICaseContacts
{
    public async Task<Complaint> GetComplaintAsync(string caseId, CancellationToken cancellationToken)
    {
        var status = await client.GetStatusAsync(caseId, cancellationToken)
            ?? throw new InvalidOperationException($"case {caseId} does not exist");
        return DurableJson.Deserialize<Complaint>(status.Input)
            ?? throw new InvalidOperationException($"case {caseId} has no complaint as its input");
    }
}

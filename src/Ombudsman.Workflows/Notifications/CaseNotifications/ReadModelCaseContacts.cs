using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Workflows.Notifications;

/// <summary>Reads the complaint as filed from the case read model, the one record of what was filed.</summary>
internal sealed class ReadModelCaseContacts(CaseReadModel readModel) : ICaseContacts
{
    public async Task<Complaint> GetComplaintAsync(string caseId, CancellationToken cancellationToken) =>
        (await readModel.GetAsync(caseId, cancellationToken))?.Complaint
            ?? throw new InvalidOperationException($"case {caseId} is not in the read model");
}

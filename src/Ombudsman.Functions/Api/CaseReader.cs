using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.Api;

/// <summary>Reads a filed case (the complaint and its status) from the case read model for the complainant and provider endpoints.</summary>
internal sealed class CaseReader(CaseReadModel readModel)
{
    public async Task<FiledCase?> GetAsync(string caseId, CancellationToken cancellationToken) =>
        await readModel.GetAsync(caseId, cancellationToken) is { } view ? new FiledCase(caseId, view.Complaint, view.Status, view.ReceivedAt) : null;
}

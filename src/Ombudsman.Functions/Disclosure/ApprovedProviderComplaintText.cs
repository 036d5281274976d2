using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Functions.Disclosure;

/// <summary>The provider emails' source of the approved description: the disclosure table.</summary>
internal sealed class ApprovedProviderComplaintText(DisclosureStore store) : IProviderComplaintText
{
    public async Task<string?> ApprovedDescriptionAsync(string caseId, CancellationToken cancellationToken) =>
        (await store.GetApprovedTextAsync(caseId, cancellationToken))?.Description;
}

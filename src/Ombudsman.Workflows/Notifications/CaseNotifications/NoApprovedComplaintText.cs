namespace Ombudsman.Workflows.Notifications;

/// <summary>A host that keeps no approvals: providers read the description as filed, or nothing when the complainant is confidential.</summary>
internal sealed class NoApprovedComplaintText : IProviderComplaintText
{
    public Task<string?> ApprovedDescriptionAsync(string caseId, CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

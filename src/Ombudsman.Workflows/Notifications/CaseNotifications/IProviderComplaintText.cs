namespace Ombudsman.Workflows.Notifications;

/// <summary>Where the complaint description staff approved for the provider comes from (the host keeps the approvals).</summary>
internal interface IProviderComplaintText
{
    /// <summary>The description staff approved for the provider of <paramref name="caseId"/>, or null while none is.</summary>
    Task<string?> ApprovedDescriptionAsync(string caseId, CancellationToken cancellationToken);
}

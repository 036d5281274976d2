using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Notifications;

/// <summary>Where a case's addresses and the confidentiality flag come from: the complaint as filed.</summary>
internal interface ICaseContacts
{
    /// <summary>The filed complaint of <paramref name="caseId"/>; throws when the case does not exist.</summary>
    Task<Complaint> GetComplaintAsync(string caseId, CancellationToken cancellationToken);
}

using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// The complainant's identifying details (UU 25/2009 art. 42(5): identity may be kept confidential). Carried on
/// provider notifications of confidential cases only so the guard can prove none of it is in the rendered email.
/// </summary>
internal sealed record ComplainantIdentity
{
    public required string Name { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public string? Address { get; init; }

    /// <summary>The representative (kuasa) filing for the complainant: naming them points at the complainant too.</summary>
    public string? RepresentativeName { get; init; }

    /// <summary>Every identifying detail the complaint holds of the complainant and their representative.</summary>
    public static ComplainantIdentity Of(Complaint complaint)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return new ComplainantIdentity
        {
            Name = complaint.Complainant.Name,
            Email = complaint.Complainant.Email,
            Phone = complaint.Complainant.Phone,
            Address = complaint.Complainant.Address,
            RepresentativeName = complaint.Representative?.Name,
        };
    }
}

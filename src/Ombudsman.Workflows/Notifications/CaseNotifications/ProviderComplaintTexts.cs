using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// The one rule for which complaint description a provider reads, in its view of the case and in its email alike
/// (UU 25/2009 art. 42(5)): the version staff approved; without one, the description as filed, unless the complainant
/// asked for confidentiality, when the provider reads nothing until staff approved a reviewed version.
/// </summary>
internal static class ProviderComplaintTexts
{
    /// <summary>
    /// Said to the provider (in Bahasa Indonesia, the language of official correspondence) instead of a description still
    /// under review, citing the complainant's confidentiality as the case's rule set cites it.
    /// </summary>
    public static string PendingReview(RuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var citation = StatuteWording.Citation(ruleSet.Provision(StatuteProvisions.ComplainantConfidentiality), Language.Indonesian);
        return $"Uraian pengaduan sedang ditinjau petugas Ombudsman agar identitas pengadu tetap dirahasiakan ({citation}) "
            + "dan dapat dibaca melalui tautan tanggapan setelah disetujui.";
    }

    /// <summary>The description the provider reads, or null while a confidential complaint's version awaits staff approval.</summary>
    public static string? DescriptionFor(Complaint complaint, string? approved)
    {
        ArgumentNullException.ThrowIfNull(complaint);
        return approved ?? (complaint.Complainant.Confidential ? null : complaint.Description);
    }
}

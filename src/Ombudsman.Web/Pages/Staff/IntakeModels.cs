namespace Ombudsman.Web.Pages.Staff;

/// <summary>The first question of assisted intake: a complaint to the provider or a report to the Ombudsman, with each path's time limit in words.</summary>
public sealed record IntakeChoiceModel(string ProviderLimit, string ReportLimit);

/// <summary>
/// The assisted intake form: the filing form's model (values kept, errors by field, hints, the late notice) with the
/// intake's own fields among its values and errors (channel, consent, consentNote, complainant.language), and the
/// member's office, which receives the complaint.
/// </summary>
public sealed record IntakeFormModel(FilingFormModel Filing, string OfficeName, IReadOnlyList<KeyValuePair<string, string>> Channels);

/// <summary>The receipt of a complaint just recorded, and the case's address in the console.</summary>
public sealed record IntakeReceiptModel(ComplaintReceiptModel Receipt, string CaseUrl);

using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>Test-data builders for notifications with complete, realistic fields.</summary>
internal static class TestNotifications
{
    public static readonly ComplainantIdentity Siti = new()
    {
        Name = "Siti Rahayu",
        Email = "siti.rahayu@example.test",
        Phone = "+62 812-3456-7890",
        Address = "Jl. Melati No. 7, Kupang",
    };

    public static Notification FileIncomplete(string key = "case-42-workflow:7", string caseId = "PGD-2026-000042", Language language = Language.Indonesian) => new()
    {
        IdempotencyKey = key,
        TemplateId = TemplateIds.ComplainantFileIncomplete,
        Role = RecipientRole.Complainant,
        To = new EmailAddress(Siti.Email!, Siti.Name),
        Language = language,
        CaseId = caseId,
        Fields = new Dictionary<string, string>
        {
            ["CaseNumber"] = caseId,
            ["ComplainantName"] = Siti.Name,
            ["MissingItems"] = "Fotokopi KTP\nBukti pembayaran",
            ["Deadline"] = "25 Desember 2026",
            ["DeadlineNote"] = "",
            ["DeadlineCitation"] = "UU 25/2009 art. 45(2)-(3)",
            ["TrackingLink"] = $"https://pengaduan.ombudsman.test/lacak/{caseId}",
        },
    };

    public static Notification ProviderNewCase(string summary, bool confidential = true, ComplainantIdentity? identity = null, string key = "case-43-workflow:2") => new()
    {
        IdempotencyKey = key,
        TemplateId = TemplateIds.ProviderNewCase,
        Role = RecipientRole.Provider,
        To = new EmailAddress("pengaduan@dukcapil.example.test", "Dinas Kependudukan Kota Kupang"),
        CaseId = "PGD-2026-000043",
        ComplainantIdentityConfidential = confidential,
        ComplainantIdentity = identity ?? (confidential ? Siti : null),
        Fields = new Dictionary<string, string>
        {
            ["CaseNumber"] = "PGD-2026-000043",
            ["ProviderName"] = "Dinas Kependudukan Kota Kupang",
            ["OfficeName"] = "Ombudsman RI Perwakilan NTT",
            ["ComplaintSummary"] = summary,
            ["Deadline"] = "9 Desember 2026",
            ["DeadlineNote"] = "",
            ["DeadlineCitation"] = "UU 37/2008 art. 28-31",
            ["UploadLink"] = "https://pengaduan.ombudsman.test/unggah/abc123",
        },
    };
}

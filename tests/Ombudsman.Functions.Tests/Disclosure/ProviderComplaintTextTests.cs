using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using static Ombudsman.Functions.Tests.Cases.PublicApi;
using static Ombudsman.Functions.Tests.Disclosure.RoutedCase;

namespace Ombudsman.Functions.Tests.Disclosure;

/// <summary>
/// UU 25/2009 art. 42(5): the complaint text a provider reads is the version staff approve. The system proposes one with
/// the complainant's identity masked; a confidential complaint's text is held from the provider (view and email) until
/// staff approved it; a non-confidential one is shown as filed unless staff approved another.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed partial class ProviderComplaintTextTests(AzuriteFixture azurite)
{
    private const string RevealingDescription =
        "Saya Siti Rahmawati (NIK 3175014506900002, HP 0812-0000-0000, siti@example.org) menunggu KTP-el tiga bulan; "
        + "Bu Siti sudah datang lima kali ke Jl. Melati No. 5, Jakarta Timur.";

    private static readonly string[] JakartaOffice =
    [
        "Offices:0:Id=JKT",
        "Offices:0:Name=Perwakilan Jakarta Raya",
        "Offices:0:TimeZone=WIB",
        "Offices:0:StaffEmail=staf.jakarta@ombudsman.test",
        "Offices:0:DashboardLink=https://staf.ombudsman.test/jkt/tenggat",
    ];

    [Fact]
    public async Task A_confidential_complaints_text_is_held_from_the_provider_until_staff_approve_a_version_without_the_complainants_identity()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var filing = Filing(confidential: true);
        filing["description"] = RevealingDescription;
        var routed = await RoutedCase.FileAsync(app, filing);
        var view = $"/api/provider/cases/{routed.CaseId}";
        var disclosure = $"/api/staff/cases/{routed.CaseId}/disclosure";

        var (heldStatus, held) = await SendAsync(app, HttpMethod.Get, view, routed.ProviderToken);
        var (_, proposal) = await AsStaffAsync(app, HttpMethod.Get, disclosure, JakartaExaminer);
        var proposed = proposal.GetProperty("proposed").GetProperty("description").GetString()!;
        var (verbatim, refusal) = await AsStaffAsync(
            app, HttpMethod.Post, disclosure + "/complaint-text", JakartaExaminer, new { description = RevealingDescription, remedyAsked = "KTP-el diterbitkan." });
        var edited = proposed + " Mohon ditindaklanjuti.";
        var (approvedStatus, _) = await AsStaffAsync(
            app, HttpMethod.Post, disclosure + "/complaint-text", JakartaExaminer, new { description = edited, remedyAsked = "KTP-el diterbitkan dalam 7 hari." });
        var (_, shown) = await SendAsync(app, HttpMethod.Get, view, routed.ProviderToken);
        var (_, staffCase) = await AsStaffAsync(app, HttpMethod.Get, $"/api/staff/cases/{routed.CaseId}", JakartaExaminer);

        Assert.Equal(HttpStatusCode.OK, heldStatus);
        Assert.Equal("pendingReview", held.GetProperty("complaintText").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, held.GetProperty("description").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, held.GetProperty("remedyAsked").ValueKind);
        Assert.Contains("ditinjau", held.GetProperty("complaintTextNote").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Siti", held.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(
            "Saya [nama pengadu] (NIK [NIK], HP [nomor telepon], [email]) menunggu KTP-el tiga bulan; Bu [nama pengadu] sudah datang lima kali ke [alamat].",
            proposed);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, verbatim);
        Assert.Equal("provider-text-reveals-identity", refusal.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, approvedStatus);
        Assert.Equal("approved", shown.GetProperty("complaintText").GetString());
        Assert.Equal(edited, shown.GetProperty("description").GetString());
        Assert.Equal("KTP-el diterbitkan dalam 7 hari.", shown.GetProperty("remedyAsked").GetString());
        Assert.Contains(staffCase.GetProperty("timeline").EnumerateArray(), e =>
            e.GetProperty("what").GetString() == "Approved the complaint text the provider reads." && e.GetProperty("visibility").GetString() == "staff");
        Assert.DoesNotContain("Approved the complaint text", (await TrackAsync(app, routed.Filed.Token)).GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_confidential_complaint_is_shown_to_the_provider_as_filed_until_staff_approve_another_version()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCase.FileAsync(app, Filing(confidential: false));
        var view = $"/api/provider/cases/{routed.CaseId}";

        var (_, asFiled) = await SendAsync(app, HttpMethod.Get, view, routed.ProviderToken);
        var (approved, _) = await AsStaffAsync(
            app, HttpMethod.Post, $"/api/staff/cases/{routed.CaseId}/disclosure/complaint-text", JakartaExaminer,
            new { description = "Penerbitan KTP-el tertunda tiga bulan.", remedyAsked = "KTP-el diterbitkan." });
        var (_, shown) = await SendAsync(app, HttpMethod.Get, view, routed.ProviderToken);

        Assert.Equal("asFiled", asFiled.GetProperty("complaintText").GetString());
        Assert.Equal((string?)Filing()["description"], asFiled.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Equal("Penerbitan KTP-el tertunda tiga bulan.", shown.GetProperty("description").GetString());
        Assert.Equal("KTP-el diterbitkan.", shown.GetProperty("remedyAsked").GetString());
    }

    [Fact]
    public async Task Another_offices_staff_get_404_and_a_role_without_the_provider_link_gets_403()
    {
        await using var app = await StartAsync(azurite, new RecordingCaseNotifier());
        var routed = await RoutedCase.FileAsync(app, Filing(confidential: true));
        var body = new { description = "Uraian.", remedyAsked = "Tindakan." };

        var (foreignRead, _) = await AsStaffAsync(app, HttpMethod.Get, $"/api/staff/cases/{routed.CaseId}/disclosure", BandungHead);
        var (foreignWrite, _) = await AsStaffAsync(app, HttpMethod.Post, $"/api/staff/cases/{routed.CaseId}/disclosure/complaint-text", BandungHead, body);
        var (role, problem) = await AsStaffAsync(app, HttpMethod.Post, $"/api/staff/cases/{routed.CaseId}/disclosure/complaint-text", JakartaAdjudicator, body);
        var (empty, invalid) = await AsStaffAsync(app, HttpMethod.Post, $"/api/staff/cases/{routed.CaseId}/disclosure/complaint-text", JakartaExaminer, new { description = " " });
        var (_, held) = await SendAsync(app, HttpMethod.Get, $"/api/provider/cases/{routed.CaseId}", routed.ProviderToken);

        Assert.Equal(HttpStatusCode.NotFound, foreignRead);
        Assert.Equal(HttpStatusCode.NotFound, foreignWrite);
        Assert.Equal((HttpStatusCode.Forbidden, "role-not-allowed"), (role, problem.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, empty);
        Assert.Equal(["description", "remedyAsked"], invalid.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("field").GetString()));
        Assert.Equal("pendingReview", held.GetProperty("complaintText").GetString());
    }

    [Fact]
    public async Task The_providers_new_case_email_carries_the_approved_text_or_says_the_text_is_under_review_never_the_confidential_original()
    {
        await using var app = await TestApp.StartAsync(azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}", .. JakartaOffice]);
        var approvedFiling = Filing(confidential: true);
        approvedFiling["description"] = RevealingDescription;
        var approvedCase = await PublicApi.FileAsync(app, approvedFiling);
        var heldFiling = Filing(confidential: true);
        heldFiling["description"] = RevealingDescription;
        var heldCase = await PublicApi.FileAsync(app, heldFiling);
        await UntilStageAsync(app, approvedCase.Token, CaseStage.CompletenessCheck);
        await UntilStageAsync(app, heldCase.Token, CaseStage.CompletenessCheck);

        var (approved, _) = await AsStaffAsync(
            app, HttpMethod.Post, $"/api/staff/cases/{approvedCase.CaseId}/disclosure/complaint-text", JakartaExaminer,
            new { description = "Penerbitan KTP-el pengadu tertunda tiga bulan.", remedyAsked = "KTP-el diterbitkan." });
        await StaffAsync(app, approvedCase.CaseId, CaseEvents.FileComplete);
        await StaffAsync(app, heldCase.CaseId, CaseEvents.FileComplete);
        var approvedMail = await ProviderNewCaseMailAsync(app, approvedCase.CaseId);
        var heldMail = await ProviderNewCaseMailAsync(app, heldCase.CaseId);

        Assert.Equal(HttpStatusCode.OK, approved);
        Assert.Contains("Penerbitan KTP-el pengadu tertunda tiga bulan.", approvedMail, StringComparison.Ordinal);
        Assert.Contains("sedang ditinjau petugas Ombudsman", heldMail, StringComparison.Ordinal);
        Assert.All(new[] { approvedMail, heldMail }, mail => Assert.DoesNotContain("Siti", mail, StringComparison.OrdinalIgnoreCase));
        Assert.All(new[] { approvedMail, heldMail }, mail => Assert.DoesNotContain("3175014506900002", mail, StringComparison.Ordinal));
    }

    /// <summary>The decoded text of the case's provider-new-case email in the pickup directory, once it is there (bounded wait).</summary>
    private static async Task<string> ProviderNewCaseMailAsync(TestApp app, string caseId)
    {
        var files = await Polling.UntilAsync(
            () => Task.FromResult(Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory, "provider-new-case-*.eml") : []),
            found => found.Any(f => File.ReadAllText(f).Contains("X-Ombudsman-Case-Id: " + caseId, StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30));
        var eml = await File.ReadAllTextAsync(files.First(f => File.ReadAllText(f).Contains("X-Ombudsman-Case-Id: " + caseId, StringComparison.Ordinal)));
        return string.Concat(Base64Part().Matches(eml).Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value.Replace("\r\n", "", StringComparison.Ordinal)))));
    }

    [GeneratedRegex("Content-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n(?:\r\n)?--")]
    private static partial Regex Base64Part();
}

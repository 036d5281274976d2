using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Playwright;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Disclosure;
using Ombudsman.Functions.Tests.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Functions.Tests.Pages;
using Ombudsman.Functions.Tests.Staff;
using Ombudsman.Testing;
using Ombudsman.Web;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Functions.Tests.Staff.StaffApp;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// The staff console's case page in a browser: the case with its parties (the confidentiality flag), complaint,
/// deadlines, files (SHA-256, download, preview) and timeline; the actions the stage allows the member's roles, their
/// required details, and refusals; another office's staff get the not-found page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffCasePageTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    /// <summary>A real 1×1 PNG, so the preview is an image the browser draws.</summary>
    private static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    [Fact]
    public async Task An_intake_officer_reads_a_confidential_case_with_its_files_and_declares_the_file_incomplete_and_the_complainant_is_emailed()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filing = PublicApi.Filing(confidential: true);
        filing["serviceReceivedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("O");
        var filed = await PublicApi.FileAsync(app, filing);
        var pdf = Files.Pdf();
        await UploadAsync(app, filed, "foto-antrean.png", Photo);
        await UploadAsync(app, filed, "bukti-bayar.pdf", pdf);
        await PublicApi.UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);

        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "jkt-intake");
        var page = browser.Page;
        var opened = await page.GotoAsync(ConsoleRoutes.Case(filed.CaseId));
        Assert.Equal(200, opened!.Status);
        await Assertions.Expect(page.Locator("#confidential")).ToContainTextAsync("Identitas pengadu DIRAHASIAKAN");
        await Assertions.Expect(page.Locator("#complainant")).ToContainTextAsync("Siti Rahmawati");
        await Assertions.Expect(page.Locator("#complainant")).ToContainTextAsync("+62 812 0000 0000");
        await Assertions.Expect(page.Locator("#provider")).ToContainTextAsync("Dinas Kependudukan Jakarta Timur");
        await Assertions.Expect(page.Locator("#complaint")).ToContainTextAsync("KTP-el diterbitkan dalam 7 hari.");
        await Assertions.Expect(page.Locator("#complaint")).ToContainTextAsync("Rp 1.500.000");
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Pemeriksaan kelengkapan berkas");
        await Assertions.Expect(page.Locator(".deadline .last-day").First).ToContainTextAsync("pukul 23.59 WIB");
        await Assertions.Expect(page.Locator("table.case-timeline")).ToContainTextAsync("Deadline P5 (completeness-answer)");

        // Each file with the SHA-256 of what was uploaded; the photo drawn on the page, the PDF opened in the browser.
        await Assertions.Expect(page.Locator("ul.case-files")).ToContainTextAsync(Convert.ToHexStringLower(SHA256.HashData(Photo)));
        await Assertions.Expect(page.Locator("ul.case-files")).ToContainTextAsync(Convert.ToHexStringLower(SHA256.HashData(pdf)));
        var preview = page.Locator("img.case-preview");
        await Assertions.Expect(preview).ToHaveCountAsync(1);
        Assert.True(await preview.EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1"), "the photo's preview is drawn");
        var pdfView = await browser.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "Buka bukti-bayar.pdf di tab baru" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(200, pdfView.Status);
        Assert.StartsWith("inline", pdfView.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal(pdf, await pdfView.BodyAsync());
        var download = await browser.Context.APIRequest.GetAsync(await page.GetByRole(AriaRole.Link, new() { Name = "foto-antrean.png" }).GetAttributeAsync("href") ?? "");
        Assert.StartsWith("attachment", download.Headers["content-disposition"], StringComparison.Ordinal);
        Assert.Equal(Photo, await download.BodyAsync());

        // The intake officer's actions in this stage, and nothing else.
        Assert.Equal(
            ["action-file-complete", "action-file-incomplete", "action-withdraw", "action-close-case", "action-suspend-deadline"],
            await page.Locator("details.case-action").EvaluateAllAsync<string[]>("all => all.map(d => d.id)"));
        await PageChecks.CheckAsync(page, "staff-case-completeness-check");

        // Without what is missing: asked for it next to the field, the note kept, nothing recorded.
        var incomplete = page.Locator("#action-file-incomplete");
        await incomplete.Locator("summary").ClickAsync();
        await incomplete.GetByLabel("Catatan").FillAsync("Diperiksa di loket.");
        await incomplete.GetByRole(AriaRole.Button, new() { Name = "Nyatakan berkas belum lengkap" }).ClickAsync();
        await Assertions.Expect(page.Locator("#file-incomplete-missingItems-error")).ToHaveTextAsync("Tulis apa yang harus dilengkapi pengadu.");
        await Assertions.Expect(page.Locator("#file-incomplete-note")).ToHaveValueAsync("Diperiksa di loket.");
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Pemeriksaan kelengkapan berkas");
        await PageChecks.CheckAsync(page, "staff-case-action-details-missing");

        await page.Locator("#file-incomplete-missingItems").FillAsync("Fotokopi KTP\nBukti pembayaran retribusi");
        await page.Locator("#action-file-incomplete").GetByRole(AriaRole.Button, new() { Name = "Nyatakan berkas belum lengkap" }).ClickAsync();
        Assert.EndsWith(ConsoleRoutes.Case(filed.CaseId) + "?done=file-incomplete", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tercatat: Nyatakan berkas belum lengkap.");
        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("Menunggu pengadu melengkapi berkas");
        await Assertions.Expect(page.Locator("table.case-timeline")).ToContainTextAsync("file-incomplete: Diperiksa di loket.");
        await PageChecks.CheckAsync(page, "staff-case-file-incomplete-recorded");

        var mail = await Polling.UntilAsync(
            () => Task.FromResult(Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory, "complainant-file-incomplete-*.eml") : []),
            files => files.Length > 0,
            TimeSpan.FromSeconds(30));
        Assert.Single(mail);
        var track = await PublicApi.TrackAsync(app, filed.Token);
        Assert.Equal("cureWindow", track.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task The_head_of_office_suspends_a_running_deadline_for_an_agreed_extension_and_resumes_it_from_the_case_page()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake);

        await using var browser = await StaffBrowser.SignedInAsync(chromium, app.App, "jkt-head");
        var page = browser.Page;
        await page.GotoAsync(ConsoleRoutes.Case(caseId));
        await Assertions.Expect(page.Locator("#action-resume-deadline")).ToHaveCountAsync(0);
        await page.Locator("#action-suspend-deadline summary").ClickAsync();
        await page.Locator("#action-suspend-deadline button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#action-suspend-deadline .error-summary")).ToContainTextAsync("Pilih alasan penangguhan.");

        await page.Locator("#suspend-deadline-ruleId").SelectOptionAsync("P5");
        await page.Locator("#suspend-deadline-reason").SelectOptionAsync("agreedExtension");
        await page.Locator("#suspend-deadline-note").FillAsync("Para pihak sepakat menunggu dokumen dari kelurahan.");
        await page.Locator("#action-suspend-deadline button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToContainTextAsync("Tangguhkan batas waktu");
        var suspended = await app.CaseAsync(caseId, JakartaHead, c => c.GetProperty("openDeadlines").EnumerateArray().Any(d => d.TryGetProperty("suspended", out var s) && s.ValueKind == JsonValueKind.Object));
        Assert.Equal("agreedExtension", suspended.GetProperty("openDeadlines")[0].GetProperty("suspended").GetProperty("reason").GetString());

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#action-suspend-deadline")).ToHaveCountAsync(0);
        await page.Locator("#action-resume-deadline summary").ClickAsync();
        await PageChecks.CheckAsync(page, "staff-case-deadline-suspended");
        await page.Locator("#resume-deadline-ruleId").SelectOptionAsync("P5");
        await page.Locator("#action-resume-deadline button[type=submit]").ClickAsync();
        await app.CaseAsync(caseId, JakartaHead, c => c.GetProperty("openDeadlines").EnumerateArray().All(d => !d.TryGetProperty("suspended", out var s) || s.ValueKind == JsonValueKind.Null));
    }

    [Fact]
    public async Task An_examiner_requests_a_clarification_an_adjudicator_is_offered_no_intake_action_and_a_stale_form_is_refused_in_the_visitors_language()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake, ComplaintPath.Ombudsman);

        // The adjudicator takes no completeness decision: nothing is offered, and a forged post is refused for the role.
        await using (var adjudicator = await StaffBrowser.SignedInAsync(chromium, app.App, "jkt-adjudicator"))
        {
            var page = adjudicator.Page;
            await page.GotoAsync(ConsoleRoutes.Case(caseId));
            await Assertions.Expect(page.Locator("#no-actions")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("details.case-action")).ToHaveCountAsync(0);
            await PageChecks.CheckAsync(page, "staff-case-no-actions-for-role");

            var token = await page.Locator($"form.sign-out input[name='{PageContext.FormTokenField}']").GetAttributeAsync("value");
            var forged = await adjudicator.Context.APIRequest.PostAsync(
                ConsoleRoutes.CaseAction(caseId, CaseEvents.FileComplete),
                new() { Form = FormOf(adjudicator.Context.APIRequest, (PageContext.FormTokenField, token!)), MaxRedirects = 0 });
            Assert.Equal(403, forged.Status);
            Assert.Contains("Peran Anda tidak dapat mengambil tindakan ini", await forged.TextAsync(), StringComparison.Ordinal);
            var stillChecking = await app.GetJsonAsync($"/api/staff/cases/{caseId}", JakartaHead);
            Assert.Equal("completenessCheck", stillChecking.GetProperty("stage").GetString());
        }

        using (var complete = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/file-complete", JakartaIntake, new { note = "lengkap" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, complete.StatusCode);
        }

        await app.StageAsync(caseId, JakartaExaminer, "examination");
        await using var examiner = await StaffBrowser.SignedInAsync(chromium, app.App, "jkt-examiner");
        var exam = examiner.Page;
        await exam.GotoAsync(ConsoleRoutes.Case(caseId));
        await Assertions.Expect(exam.Locator("#action-clarification-requested")).ToHaveCountAsync(1);
        await Assertions.Expect(exam.Locator("#action-file-complete")).ToHaveCountAsync(0);
        await Assertions.Expect(exam.Locator("#action-close-case")).ToHaveCountAsync(0);
        await PageChecks.CheckAsync(exam, "staff-case-examination");

        var clarification = exam.Locator("#action-clarification-requested");
        await clarification.Locator("summary").ClickAsync();
        await clarification.GetByRole(AriaRole.Button, new() { Name = "Minta klarifikasi terlapor" }).ClickAsync();
        await Assertions.Expect(exam.Locator("#clarification-requested-note-error")).ToHaveTextAsync("Tulis pertanyaan klarifikasinya.");
        await PageChecks.CheckAsync(exam, "staff-case-clarification-question-missing");

        await exam.Locator("#clarification-requested-note").FillAsync("Mengapa KTP-el belum diterbitkan setelah tiga bulan?");
        await exam.Locator("#action-clarification-requested").GetByRole(AriaRole.Button, new() { Name = "Minta klarifikasi terlapor" }).ClickAsync();
        await Assertions.Expect(exam.GetByRole(AriaRole.Status)).ToHaveTextAsync("Tercatat: Minta klarifikasi terlapor.");
        await Assertions.Expect(exam.Locator("table.case-timeline")).ToContainTextAsync("Mengapa KTP-el belum diterbitkan setelah tiga bulan?");
        await PageChecks.CheckAsync(exam, "staff-case-clarification-recorded");
        var recorded = await app.GetJsonAsync($"/api/staff/cases/{caseId}", JakartaHead);
        Assert.Contains(recorded.GetProperty("timeline").EnumerateArray(), e =>
            e.GetProperty("actor").GetProperty("id").GetString() == "jkt-examiner"
            && e.GetProperty("what").GetString()!.Contains("Mengapa KTP-el", StringComparison.Ordinal));

        // The stage moves on under an open form (in English this time): the refusal says so, the question is kept.
        await exam.GotoAsync(ConsoleRoutes.Case(caseId) + "?lang=en");
        await exam.Locator("#action-clarification-requested summary").ClickAsync();
        await exam.Locator("#clarification-requested-note").FillAsync("A second question.");
        using (var mediation = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/mediation-requested", JakartaExaminer, new { note = "both agree" }))
        {
            Assert.Equal(HttpStatusCode.Accepted, mediation.StatusCode);
        }

        await app.StageAsync(caseId, JakartaExaminer, "mediation");
        await exam.Locator("#action-clarification-requested").GetByRole(AriaRole.Button, new() { Name = "Request a clarification" }).ClickAsync();
        await Assertions.Expect(exam.GetByRole(AriaRole.Alert)).ToContainTextAsync("the case has moved to another stage");
        await Assertions.Expect(exam.Locator("#stage")).ToHaveTextAsync("Mediation");
        await Assertions.Expect(exam.Locator("#action-mediation-outcome")).ToHaveCountAsync(1);
        await PageChecks.CheckAsync(exam, "staff-case-stage-moved-on");
    }

    [Fact]
    public async Task Staff_of_another_office_get_the_not_found_page_for_a_case_and_its_file()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filing = PublicApi.Filing();
        filing["serviceReceivedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("O");
        var filed = await PublicApi.FileAsync(app, filing);
        var uploaded = await UploadAsync(app, filed, "foto.png", Photo);
        var fileAddress = ConsoleRoutes.CaseFile(filed.CaseId, uploaded.GetProperty("evidenceId").GetString()!);
        await PublicApi.UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);

        await using var jakarta = await StaffBrowser.SignedInAsync(chromium, app, "jkt-head");
        Assert.Equal(200, (await jakarta.Context.APIRequest.GetAsync(fileAddress)).Status);

        await using var bali = await StaffBrowser.SignedInAsync(chromium, app, "bal-head");
        var page = bali.Page;
        var answer = await page.GotoAsync(ConsoleRoutes.Case(filed.CaseId));
        Assert.Equal(404, answer!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Halaman tidak ditemukan");
        Assert.DoesNotContain("Siti Rahmawati", await page.ContentAsync(), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "staff-case-other-office");

        var file = await bali.Context.APIRequest.GetAsync(fileAddress);
        Assert.Equal(404, file.Status);
        Assert.DoesNotContain("image/png", file.Headers["content-type"], StringComparison.Ordinal);
        var missing = await jakarta.Context.APIRequest.GetAsync(ConsoleRoutes.Case("case-that-does-not-exist"));
        Assert.Equal(404, missing.Status);
    }

    private static async Task<JsonElement> UploadAsync(TestApp app, Filed filed, string fileName, byte[] content)
    {
        var (status, body) = await RoutedCase.UploadAsync(app, filed.CaseId, filed.Token, fileName, content);
        Assert.True(status == HttpStatusCode.Created, $"upload: {(int)status} {body}");
        return body;
    }

    private static IFormData FormOf(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }
}

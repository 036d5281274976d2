using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Functions.Tests.Pages;
using Ombudsman.Testing;
using Ombudsman.Web;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// Assisted intake in the console: an intake officer records a complaint received in person, by WhatsApp, phone, letter
/// or at an outreach event on the complainant's behalf (UU 25/2009 art. 42), and prints the receipt (art. 44).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class IntakePageTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    private const string ConsentNote = "Menandatangani formulir penerimaan di loket.";

    [Fact]
    public async Task An_intake_officer_records_a_walk_in_report_with_a_scanned_document_and_prints_the_receipt()
    {
        await using var app = await TestApp.StartAsync(azurite, FilingForms.ManualClock);
        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "jkt-intake");
        var page = browser.Page;

        await page.GotoAsync(ConsoleRoutes.Intake);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Catat pengaduan atau laporan");
        await PageChecks.CheckAsync(page, "staff-intake-choose");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pengaduan kepada penyelenggara layanan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Catat pengaduan kepada penyelenggara");
        await Assertions.Expect(page.Locator("[id='office']")).ToHaveTextAsync("Ombudsman RI Perwakilan Jakarta Raya");
        await PageChecks.CheckAsync(page, "staff-intake-form");

        await FillAsync(page, "Datang langsung ke kantor");
        await Input(page, "evidence").SetInputFilesAsync(new FilePayload { Name = "surat-pengantar.pdf", MimeType = "application/pdf", Buffer = FilingForms.Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Catat pengaduan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tanda terima");
        var receiptNumber = (await page.Locator("#receipt-number").TextContentAsync())!.Trim();
        var caseId = receiptNumber.ToLowerInvariant();
        Assert.Matches("^JKT-20260302-[A-Z2-7]{10}$", receiptNumber);
        Assert.EndsWith(ConsoleRoutes.IntakeReceipt(caseId), page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#secret")).ToHaveTextAsync(SecretCode());
        await Assertions.Expect(page.Locator("#tracking-link")).ToHaveTextAsync($"{app.BaseAddress.ToString().TrimEnd('/')}/track/{caseId}");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Sari");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tanda terima yang sama juga dikirim ke email pengadu.");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Buka perkara" })).ToHaveAttributeAsync("href", ConsoleRoutes.Case(caseId));
        await PageChecks.CheckAsync(page, "staff-intake-receipt");

        var listed = await CaseOfAsync(app, caseId);
        Assert.Equal((IntakeChannel.WalkIn, "JKT"), (listed.Channel, listed.Office));
        var filed = (await app.ReadModel.GetAsync(caseId))!;
        Assert.Equal(IntakeChannel.WalkIn, filed.Complaint.Channel);
        Assert.Equal(("jkt-intake", ConsentNote), (filed.Complaint.AssistedIntake!.RecordedById, filed.Complaint.AssistedIntake.ConsentNote));
        Assert.Equal(("Siti Rahmawati", "siti@example.org", "JKT"), (filed.Complaint.Complainant.Name, filed.Complaint.Complainant.Email, filed.Complaint.Office.Code));
        var recorded = Assert.Single(filed.Status.Timeline, e => e.Actor.Id == "jkt-intake");
        Assert.Equal(TimelineVisibility.Staff, recorded.Visibility);
        Assert.Contains(ConsentNote, recorded.What, StringComparison.Ordinal);
        var file = Assert.Single(await app.Service<EvidenceStore>().ListAsync(caseId, CancellationToken.None));
        Assert.Equal(("surat-pengantar.pdf", EvidenceParty.Complainant), (file.OriginalName, file.Party));

        // The receipt is the complainant's: a reload prints it again, another browser of the office does not get the code.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#receipt-number")).ToHaveTextAsync(receiptNumber);
        await using var colleague = await StaffBrowser.SignedInAsync(chromium, app, "jkt-examiner");
        await colleague.Page.GotoAsync(ConsoleRoutes.IntakeReceipt(caseId));
        await Assertions.Expect(colleague.Page.Locator("#secret")).ToHaveCountAsync(0);
        await Assertions.Expect(colleague.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Kode rahasia tidak ditampilkan lagi");
        await PageChecks.CheckAsync(colleague.Page, "staff-intake-receipt-gone");
    }

    [Fact]
    public async Task The_receipt_is_emailed_to_the_complainant_when_an_email_is_given()
    {
        await using var app = await TestApp.StartAsync(azurite, FilingForms.ManualClock);
        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "jkt-intake");
        var page = browser.Page;
        await page.GotoAsync(ConsoleRoutes.Intake + "?path=provider");
        await FillAsync(page, "Telepon");
        await page.GetByRole(AriaRole.Button, new() { Name = "Catat pengaduan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tanda terima");
        var caseId = (await page.Locator("#receipt-number").TextContentAsync())!.Trim().ToLowerInvariant();

        var mails = await Polling.UntilAsync(
            () => Task.FromResult(Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory, "complainant-receipt-*.eml") : []),
            found => found.Length > 0,
            TimeSpan.FromSeconds(30));
        var mail = await File.ReadAllTextAsync(Assert.Single(mails));
        Assert.Contains("X-Ombudsman-Case-Id: " + caseId, mail, StringComparison.Ordinal);
        Assert.Contains("siti@example.org", mail, StringComparison.Ordinal);
        Assert.Equal(IntakeChannel.Phone, (await CaseOfAsync(app, caseId)).Channel);
    }

    [Fact]
    public async Task A_WhatsApp_report_without_an_email_is_recorded_and_its_receipt_goes_by_other_means()
    {
        await using var app = await TestApp.StartAsync(azurite, FilingForms.ManualClock);
        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "jkt-intake");
        var page = browser.Page;
        await page.GotoAsync(ConsoleRoutes.Intake + "?path=provider");
        await FillAsync(page, "WhatsApp");
        await Input(page, "complainant.email").FillAsync("");
        await Input(page, "consentNote").FillAsync("Menyetujui lewat pesan WhatsApp pukul 10.15.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Catat pengaduan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tanda terima");
        await Assertions.Expect(page.Locator("#secret")).ToHaveTextAsync(SecretCode());
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Pengadu tidak punya email");
        await PageChecks.CheckAsync(page, "staff-intake-receipt-no-email");
        var caseId = (await page.Locator("#receipt-number").TextContentAsync())!.Trim().ToLowerInvariant();

        var filed = (await app.ReadModel.GetAsync(caseId))!;
        Assert.Null(filed.Complaint.Complainant.Email);
        Assert.Equal(IntakeChannel.WhatsApp, (await CaseOfAsync(app, caseId)).Channel);

        // The case tells staff the receipt did not go by email, so they deliver it another way.
        var told = await Polling.UntilAsync(
            async () => (await app.ReadModel.GetAsync(caseId))!.Status.Timeline,
            timeline => timeline.Any(e => e.Kind == TimelineKind.Notification),
            TimeSpan.FromSeconds(30));
        Assert.Contains(told, e => e.Kind == TimelineKind.Notification && e.What.Contains("no email address on file", StringComparison.Ordinal));
        Assert.False(Directory.Exists(app.MailDirectory) && Directory.GetFiles(app.MailDirectory, "complainant-receipt-*.eml").Length > 0);
    }

    [Fact]
    public async Task An_intake_with_errors_comes_back_with_each_error_next_to_its_field_and_every_value_kept()
    {
        await using var app = await TestApp.StartAsync(azurite, FilingForms.ManualClock);
        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "jkt-intake");
        var page = browser.Page;
        await page.GotoAsync(ConsoleRoutes.Intake + "?path=provider");

        await Input(page, "complainant.name").FillAsync("Siti Rahmawati");
        await Input(page, "complainant.email").FillAsync("siti@");
        await Input(page, "remedyAsked").FillAsync("KTP-el diterbitkan dalam 7 hari.");
        await page.GetByLabel("Surat", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Ya, rahasiakan identitas pengadu").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Catat pengaduan" }).ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(Input(page, "consent-error")).ToHaveTextAsync("Catat pengaduan hanya dengan persetujuan pengadu: centang kotak ini setelah ia setuju.");
        await Assertions.Expect(Input(page, "consentNote-error")).ToHaveTextAsync("Tulis bagaimana pengadu memberikan persetujuannya.");
        await Assertions.Expect(Input(page, "complainant.email-error")).ToHaveTextAsync("Tulis alamat email yang benar, misalnya nama@contoh.id.");
        await Assertions.Expect(Input(page, "complainant.address-error")).ToHaveTextAsync("Tulis alamat lengkap pengadu.");
        await Assertions.Expect(Input(page, "provider.kind-error")).ToHaveTextAsync("Pilih jenis penyelenggara.");
        await Assertions.Expect(Input(page, "channel-error")).ToHaveCountAsync(0);
        await Assertions.Expect(Input(page, "office-error")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".error-summary li").First).ToHaveTextAsync("Catat pengaduan hanya dengan persetujuan pengadu: centang kotak ini setelah ia setuju.");
        await Assertions.Expect(page.Locator(".error-summary a[href='#consentNote']")).ToHaveCountAsync(1);
        await Assertions.Expect(Input(page, "complainant.name")).ToHaveValueAsync("Siti Rahmawati");
        await Assertions.Expect(Input(page, "complainant.email")).ToHaveValueAsync("siti@");
        await Assertions.Expect(Input(page, "remedyAsked")).ToHaveValueAsync("KTP-el diterbitkan dalam 7 hari.");
        await Assertions.Expect(page.GetByLabel("Surat", new() { Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Ya, rahasiakan identitas pengadu")).ToBeCheckedAsync();
        await PageChecks.CheckAsync(page, "staff-intake-errors");

        // Without a channel, the form says so too.
        await page.GotoAsync(ConsoleRoutes.Intake + "?path=provider");
        await page.GetByRole(AriaRole.Button, new() { Name = "Catat pengaduan" }).ClickAsync();
        await Assertions.Expect(Input(page, "channel-error")).ToHaveTextAsync("Pilih cara pengaduan diterima.");
        Assert.Empty(await app.ReadModel.ListCasesAsync("JKT"));
    }

    [Fact]
    public async Task A_refused_scan_files_nothing_and_keeps_every_typed_value()
    {
        await using var app = await TestApp.StartAsync(azurite, [.. FilingForms.ManualClock, "Evidence:MaxBytes=4096"]);
        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "jkt-intake");
        var page = browser.Page;
        await page.GotoAsync(ConsoleRoutes.Intake + "?path=provider");
        await FillAsync(page, "Penjangkauan (di luar kantor)");
        byte[] program = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
        await Input(page, "evidence").SetInputFilesAsync(
        [
            new FilePayload { Name = "pindaian.pdf", MimeType = "application/pdf", Buffer = program },
            new FilePayload { Name = "ktp.pdf", MimeType = "application/pdf", Buffer = FilingForms.Pdf },
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Catat pengaduan" }).ClickAsync();

        await Assertions.Expect(Input(page, "evidence-error")).ToContainTextAsync("Berkas \"pindaian.pdf\" bukan jenis yang diterima");
        await Assertions.Expect(page.Locator("#files-again")).ToContainTextAsync("ktp.pdf");
        foreach (var (field, value) in Typed)
        {
            await Assertions.Expect(Input(page, field)).ToHaveValueAsync(value);
        }

        await Assertions.Expect(page.GetByLabel("Penjangkauan (di luar kantor)")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Pengadu setuju petugas mencatat pengaduan ini atas namanya")).ToBeCheckedAsync();
        await PageChecks.CheckAsync(page, "staff-intake-refused-scan");
        Assert.Empty(await app.ReadModel.ListCasesAsync("JKT"));
        Assert.False(await app.Container(app.EvidenceNames.EvidenceContainer).GetBlobsAsync().GetAsyncEnumerator().MoveNextAsync());
    }

    [Fact]
    public async Task A_late_complaint_is_explained_and_recorded_once_confirmed()
    {
        await using var app = await TestApp.StartAsync(azurite, FilingForms.ManualClock);
        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "jkt-intake");
        var page = browser.Page;
        await page.GotoAsync(ConsoleRoutes.Intake + "?path=provider");
        await FillAsync(page, "Surat");
        await Input(page, "serviceReceivedOn").FillAsync("2026-01-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Catat pengaduan" }).ClickAsync();

        await Assertions.Expect(page.Locator("#late")).ToContainTextAsync("Pengaduan ini melewati batas waktu");
        await Assertions.Expect(page.GetByLabel("Surat", new() { Exact = true })).ToBeCheckedAsync();
        await PageChecks.CheckAsync(page, "staff-intake-late");
        Assert.Empty(await app.ReadModel.ListCasesAsync("JKT"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim walaupun terlambat" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tanda terima");
        var filed = Assert.Single(await app.ReadModel.ListCasesAsync("JKT"));
        Assert.Equal((IntakeChannel.Letter, true), (filed.Channel, filed.FiledLate));
    }

    private static readonly (string Field, string Value)[] Typed =
    [
        ("complainant.name", "Siti Rahmawati"),
        ("complainant.address", "Jl. Melati No. 5, Jakarta Timur"),
        ("complainant.email", "siti@example.org"),
        ("complainant.phone", "+62 812 0000 0000"),
        ("consentNote", ConsentNote),
        ("provider.name", "Dinas Kependudukan Jakarta Timur"),
        ("serviceReceivedOn", "2026-02-20"),
        ("description", "Pembuatan KTP-el tertunda tiga bulan tanpa alasan."),
        ("remedyAsked", "KTP-el diterbitkan dalam 7 hari."),
        ("compensationClaim", "1.500.000"),
        ("filedAtPlace", "Kantor Perwakilan Jakarta Raya"),
        ("signature", "Siti Rahmawati"),
    ];

    /// <summary>An input or message by its id (the ids are the form's field names, with dots).</summary>
    private static ILocator Input(IPage page, string id) => page.Locator($"[id='{id}']");

    private static async Task FillAsync(IPage page, string channel)
    {
        foreach (var (field, value) in Typed)
        {
            await Input(page, field).FillAsync(value);
        }

        await page.GetByLabel(channel, new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Pengadu setuju petugas mencatat pengaduan ini atas namanya").CheckAsync();
        await page.GetByLabel("Tidak, penyelenggara boleh mengetahuinya").CheckAsync();
        await page.GetByLabel("Instansi atau unit pemerintah").CheckAsync();
    }

    /// <summary>The case's row in the office's list, once the case wrote it (bounded wait).</summary>
    private static async Task<CaseStatus> CaseOfAsync(TestApp app, string caseId)
    {
        var listed = await Polling.UntilAsync(() => app.ReadModel.ListCasesAsync("JKT"), cases => cases.Any(c => c.CaseId == caseId), TimeSpan.FromSeconds(30));
        return listed.Single(c => c.CaseId == caseId);
    }

    [GeneratedRegex("^([A-Za-z0-9_-]{4} ){10}[A-Za-z0-9_-]{3}$")]
    private static partial Regex SecretCode();
}

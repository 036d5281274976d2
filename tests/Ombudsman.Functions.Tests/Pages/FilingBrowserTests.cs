using Microsoft.Playwright;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>Filing a complaint (UU 25/2009 art. 42) in a real browser on a phone-sized screen, through to the receipt (art. 44).</summary>
[Collection(BrowserCollection.Name)]
public sealed class FilingBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    [Fact]
    public async Task A_complainant_files_from_the_front_page_on_a_phone_with_one_evidence_file_and_gets_the_receipt()
    {
        await using var app = await TestApp.StartAsync(azurite, FilingForms.ManualClock);
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mulai pengaduan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ajukan pengaduan");
        await PageChecks.CheckAsync(page, "file-choose");
        await page.GetByLabel("Belum. Saya ingin mengadu kepada penyelenggara layanan.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lanjut" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Pengaduan kepada penyelenggara layanan");
        await PageChecks.CheckAsync(page, "file-form");

        await FillComplaintAsync(page);
        await Input(page, "evidence").SetInputFilesAsync(new FilePayload { Name = "antrean.pdf", MimeType = "application/pdf", Buffer = FilingForms.Pdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim pengaduan" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tanda terima pengaduan");
        var receiptNumber = (await page.Locator("#receipt-number").TextContentAsync())!.Trim();
        var caseId = receiptNumber.ToLowerInvariant();
        Assert.Matches("^JKT-20260302-[A-Z2-7]{10}$", receiptNumber);
        Assert.EndsWith($"/track/{caseId}/receipt", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#tracking-link")).ToHaveTextAsync($"{app.BaseAddress.ToString().TrimEnd('/')}/track/{caseId}");
        await Assertions.Expect(page.Locator("#secret")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^([A-Za-z0-9_-]{4} ){10}[A-Za-z0-9_-]{3}$"));
        await PageChecks.CheckAsync(page, "receipt");

        var filed = await app.ReadModel.GetAsync(caseId);
        Assert.NotNull(filed);
        Assert.Equal(("Siti Rahmawati", "Dinas Kependudukan Jakarta Timur", 1_500_000m), (filed.Complaint.Complainant.Name, filed.Complaint.Provider.Name, filed.Complaint.CompensationClaim));
        var file = Assert.Single(await app.Service<EvidenceStore>().ListAsync(caseId, CancellationToken.None));
        Assert.Equal(("antrean.pdf", EvidenceParty.Complainant, "application/pdf"), (file.OriginalName, file.Party, file.ContentType));
    }

    [Fact]
    public async Task A_filing_with_errors_comes_back_with_each_error_next_to_its_field_and_every_value_kept()
    {
        await using var app = await TestApp.StartAsync(azurite, FilingForms.ManualClock);
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;
        await page.GotoAsync("/file?path=provider");

        await Input(page, "complainant.name").FillAsync("Siti Rahmawati");
        await Input(page, "complainant.email").FillAsync("siti@");
        await Input(page, "remedyAsked").FillAsync("KTP-el diterbitkan dalam 7 hari.");
        await page.GetByLabel("Ya, rahasiakan identitas pengadu").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim pengaduan" }).ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(Input(page, "complainant.email-error")).ToHaveTextAsync("Tulis alamat email yang benar, misalnya nama@contoh.id.");
        await Assertions.Expect(Input(page, "complainant.address-error")).ToHaveTextAsync("Tulis alamat lengkap pengadu.");
        await Assertions.Expect(Input(page, "description-error")).ToHaveTextAsync("Ceritakan apa yang terjadi.");
        await Assertions.Expect(Input(page, "office-error")).ToHaveTextAsync("Pilih kantor yang menerima pengaduan.");
        await Assertions.Expect(Input(page, "provider.kind-error")).ToHaveTextAsync("Pilih jenis penyelenggara.");
        await Assertions.Expect(Input(page, "serviceReceivedOn-error")).ToHaveTextAsync("Tulis tanggal Anda menerima pelayanan.");
        await Assertions.Expect(page.Locator(".error-summary li")).ToHaveCountAsync(9);
        await Assertions.Expect(page.Locator(".error-summary a[href='#complainant.email']")).ToHaveTextAsync("Tulis alamat email yang benar, misalnya nama@contoh.id.");
        await Assertions.Expect(Input(page, "complainant.name")).ToHaveValueAsync("Siti Rahmawati");
        await Assertions.Expect(Input(page, "complainant.email")).ToHaveValueAsync("siti@");
        await Assertions.Expect(Input(page, "remedyAsked")).ToHaveValueAsync("KTP-el diterbitkan dalam 7 hari.");
        await Assertions.Expect(page.GetByLabel("Ya, rahasiakan identitas pengadu")).ToBeCheckedAsync();
        await Assertions.Expect(Input(page, "complainant.name-error")).ToHaveCountAsync(0);
        await PageChecks.CheckAsync(page, "file-errors");
        Assert.Empty(await app.ReadModel.ListCasesAsync("JKT"));
    }

    [Fact]
    public async Task A_refused_upload_keeps_every_typed_value_names_each_file_and_files_nothing()
    {
        await using var app = await TestApp.StartAsync(azurite, [.. FilingForms.ManualClock, "Evidence:MaxBytes=4096"]);
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;
        await page.GotoAsync("/file?path=provider");
        await FillComplaintAsync(page);
        byte[] program = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00];
        byte[] large = [.. FilingForms.Pdf, .. new byte[8192]];

        await Input(page, "evidence").SetInputFilesAsync(
        [
            new FilePayload { Name = "surat.pdf", MimeType = "application/pdf", Buffer = program },
            new FilePayload { Name = "pindaian.pdf", MimeType = "application/pdf", Buffer = large },
        ]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim pengaduan" }).ClickAsync();

        var evidenceError = Input(page, "evidence-error");
        await Assertions.Expect(evidenceError).ToContainTextAsync("Berkas \"surat.pdf\" bukan jenis yang diterima");
        await Assertions.Expect(evidenceError).ToContainTextAsync("Berkas \"pindaian.pdf\" terlalu besar: paling besar 4 KB per berkas.");
        await Assertions.Expect(page.Locator("#files-again")).ToContainTextAsync("surat.pdf");
        await Assertions.Expect(page.Locator("#files-again")).ToContainTextAsync("pindaian.pdf");
        foreach (var (field, value) in Typed)
        {
            await Assertions.Expect(Input(page, field)).ToHaveValueAsync(value);
        }

        await Assertions.Expect(page.GetByLabel("Tidak, penyelenggara boleh mengetahuinya")).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByLabel("Instansi atau unit pemerintah")).ToBeCheckedAsync();
        await PageChecks.CheckAsync(page, "file-refused-upload");
        Assert.Empty(await app.ReadModel.ListCasesAsync("JKT"));
        Assert.False(await app.Container(app.EvidenceNames.EvidenceContainer).GetBlobsAsync().GetAsyncEnumerator().MoveNextAsync());
    }

    [Fact]
    public async Task A_late_complaint_is_explained_with_its_rule_and_last_day_and_is_filed_once_confirmed()
    {
        await using var app = await TestApp.StartAsync(azurite, FilingForms.ManualClock);
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;
        await page.GotoAsync("/file?path=provider");
        await FillComplaintAsync(page);
        await Input(page, "serviceReceivedOn").FillAsync("2026-01-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim pengaduan" }).ClickAsync();

        var check = app.Service<FilingWindow>().Check(new DateOnly(2026, 1, 10), DateTimeOffset.Parse(FilingForms.Start, System.Globalization.CultureInfo.InvariantCulture), OfficeTimeZone.Wib);
        var late = page.Locator("#late");
        await Assertions.Expect(late).ToContainTextAsync("Pengaduan ini melewati batas waktu");
        await Assertions.Expect(late).ToContainTextAsync($"{check.Deadline.Duration.Amount} hari kalender");
        await Assertions.Expect(late).ToContainTextAsync(check.Citation);
        await Assertions.Expect(late).ToContainTextAsync(NotificationDates.LastDay(check.Deadline.DueDate, OfficeTimeZone.Wib, Language.Indonesian));
        await Assertions.Expect(Input(page, "serviceReceivedOn")).ToHaveValueAsync("2026-01-10");
        await PageChecks.CheckAsync(page, "file-late");
        Assert.True(check.IsLate);
        Assert.Empty(await app.ReadModel.ListCasesAsync("JKT"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim walaupun terlambat" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Tanda terima pengaduan");
        var filed = Assert.Single(await app.ReadModel.ListCasesAsync("JKT"));
        Assert.Equal(new DateOnly(2026, 1, 10), (await app.ReadModel.GetAsync(filed.CaseId))!.Complaint.ServiceReceivedOn);
    }

    [Fact]
    public async Task The_form_switches_to_English_and_its_errors_are_in_English()
    {
        await using var app = await TestApp.StartAsync(azurite, FilingForms.ManualClock);
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;
        await page.GotoAsync("/file?path=ombudsman");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Laporan kepada Ombudsman");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Report to the Ombudsman");
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await Assertions.Expect(page.GetByLabel("When did you complain to the provider?")).ToBeVisibleAsync();
        await PageChecks.CheckAsync(page, "file-form-en");

        await Input(page, "complainant.name").FillAsync("Siti Rahmawati");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the report" }).ClickAsync();

        await Assertions.Expect(page.Locator(".error-summary h2")).ToHaveTextAsync("There is a problem");
        await Assertions.Expect(Input(page, "priorComplaint.filedOn-error")).ToHaveTextAsync(
            "Enter the date you complained to the provider. A report to the Ombudsman needs that earlier complaint.");
        await Assertions.Expect(Input(page, "eventOn-error")).ToHaveTextAsync("Enter the date of the act or decision you report.");
        await Assertions.Expect(Input(page, "complainant.name")).ToHaveValueAsync("Siti Rahmawati");
        await PageChecks.CheckAsync(page, "file-errors-en");
    }

    private static readonly (string Field, string Value)[] Typed =
    [
        ("office", "JKT"),
        ("complainant.name", "Siti Rahmawati"),
        ("complainant.address", "Jl. Melati No. 5, Jakarta Timur"),
        ("complainant.email", "siti@example.org"),
        ("complainant.phone", "+62 812 0000 0000"),
        ("provider.name", "Dinas Kependudukan Jakarta Timur"),
        ("serviceReceivedOn", "2026-02-20"),
        ("description", "Pembuatan KTP-el tertunda tiga bulan tanpa alasan."),
        ("remedyAsked", "KTP-el diterbitkan dalam 7 hari."),
        ("compensationClaim", "1.500.000"),
        ("filedAtPlace", "Jakarta"),
        ("signature", "Siti Rahmawati"),
    ];

    /// <summary>An input, select or message by its id (the ids are the form's field names, with dots).</summary>
    private static ILocator Input(IPage page, string id) => page.Locator($"[id='{id}']");

    private static async Task FillComplaintAsync(IPage page)
    {
        foreach (var (field, value) in Typed)
        {
            if (field == "office")
            {
                await Input(page, field).SelectOptionAsync(value);
            }
            else
            {
                await Input(page, field).FillAsync(value);
            }
        }

        await page.GetByLabel("Tidak, penyelenggara boleh mengetahuinya").CheckAsync();
        await page.GetByLabel("Instansi atau unit pemerintah").CheckAsync();
    }
}

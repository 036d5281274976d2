using Microsoft.Playwright;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>
/// A form over the page-form limit, sent by chromium as a person would (a file picked, the button pressed): the
/// browser shows the too-large page in the visitor's language, not a broken connection, though the app refuses it
/// without reading the upload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageFormLimitBrowserTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    [Fact]
    public async Task An_upload_over_the_limit_shows_the_too_large_page_in_the_browser()
    {
        const long evidenceMaxBytes = 1024;
        await using var app = await TestApp.StartAsync(azurite, [$"Evidence:MaxBytes={evidenceMaxBytes}"], configureServices: TestPageRoutes.Add);
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;

        await page.GotoAsync(TestPageRoutes.FormPath);
        await page.GetByLabel("Note").FillAsync("terlalu besar");
        await page.GetByLabel("File").SetInputFilesAsync(new FilePayload
        {
            Name = "bukti.pdf",
            MimeType = "application/pdf",
            Buffer = new byte[PageForms.MaxBytes(evidenceMaxBytes) * 2],
        });
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync(),
            r => r.Url.EndsWith(TestPageRoutes.FormPath, StringComparison.Ordinal) && r.Request.Method == "POST");

        Assert.Equal(413, answer.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Berkas terlalu besar");
        await PageChecks.CheckAsync(page, "too-large");
    }
}

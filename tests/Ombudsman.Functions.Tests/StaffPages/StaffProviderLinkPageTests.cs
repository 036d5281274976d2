using Microsoft.Playwright;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Functions.Tests.Pages;
using Ombudsman.Testing;
using Ombudsman.Web;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// Staff issue, copy and revoke the provider's link from the console's case page, through the staff API's own code:
/// the link is emailed to the provider, its address is shown once, it opens the provider page, and once revoked it
/// opens nothing. Before the case is routed no link can be issued; a role that does not manage links is not offered one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffProviderLinkPageTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    [Fact]
    public async Task An_examiner_issues_the_provider_link_from_the_case_page_copies_its_address_and_revokes_it()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filing = PublicApi.Filing();
        filing["serviceReceivedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("O");
        var filed = await PublicApi.FileAsync(app, filing);
        await PublicApi.UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);

        await using var staff = await StaffBrowser.SignedInAsync(chromium, app, "jkt-examiner");
        var page = staff.Page;
        await page.GotoAsync(ConsoleRoutes.Case(filed.CaseId));
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Tautan diterbitkan setelah perkara diteruskan");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan dan kirim tautan" })).ToHaveCountAsync(0);

        await PublicApi.StaffAsync(app, filed.CaseId, CaseEvents.FileComplete);
        await PublicApi.UntilDeadlineAsync(app, filed.Token, "P8");
        await page.GotoAsync(ConsoleRoutes.Case(filed.CaseId));
        await page.GetByRole(AriaRole.Button, new() { Name = "Terbitkan dan kirim tautan" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Tautan penyedia diterbitkan dan dikirim ke surel penyedia.");
        var address = await page.Locator("#provider-link-url").InputValueAsync();
        Assert.Contains(Routes.ProviderCase(filed.CaseId) + "?token=", address, StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "staff-case-provider-link-issued");

        // The emailed page is the one shown, and it opens the provider's page.
        var mail = await Polling.UntilAsync(
            () => Task.FromResult(Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory, "provider-link-*.eml") : []),
            files => files.Length == 1,
            TimeSpan.FromSeconds(30));
        Assert.Single(mail);
        await using var provider = await BrowserSession.OpenAsync(chromium, app);
        var opened = await provider.Page.GotoAsync(address);
        Assert.Equal(200, opened!.Status);
        await Assertions.Expect(provider.Page.Locator("main")).ToContainTextAsync("Dinas Kependudukan Jakarta Timur");

        // Shown once: the case page opened again has no address on it.
        await page.GotoAsync(ConsoleRoutes.Case(filed.CaseId));
        await Assertions.Expect(page.Locator("#provider-link-url")).ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Cabut tautan" }).ClickAsync();
        await Assertions.Expect(page.Locator("[role=status]")).ToHaveTextAsync("Tautan penyedia dicabut: tautan itu tidak lagi membuka perkara.");
        var refused = await provider.Page.ReloadAsync();
        Assert.Equal(401, refused!.Status);
    }

    [Fact]
    public async Task An_adjudicator_is_not_offered_the_provider_link_and_a_forged_issue_is_refused()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filing = PublicApi.Filing();
        filing["serviceReceivedOn"] = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("O");
        var filed = await PublicApi.FileAsync(app, filing);
        await PublicApi.UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        await PublicApi.StaffAsync(app, filed.CaseId, CaseEvents.FileComplete);
        await PublicApi.UntilDeadlineAsync(app, filed.Token, "P8");

        await using var staff = await StaffBrowser.SignedInAsync(chromium, app, "jkt-adjudicator");
        var page = staff.Page;
        await page.GotoAsync(ConsoleRoutes.Case(filed.CaseId));
        await Assertions.Expect(page.Locator("#provider-link-heading")).ToHaveCountAsync(0);

        // A form posted anyway (with the member's own form token) issues nothing.
        var token = await page.EvaluateAsync<string>("() => document.querySelector('input[name=__form]').value");
        var answer = await page.APIRequest.PostAsync(ConsoleRoutes.CaseProviderLink(filed.CaseId), new() { Form = page.APIRequest.CreateFormData().Set("__form", token) });
        Assert.Equal(403, answer.Status);
        Assert.Contains("Tautan penyedia dikelola oleh", await answer.TextAsync(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(app.MailDirectory) && Directory.GetFiles(app.MailDirectory, "provider-link-*.eml").Length > 0);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Functions.Tests.Pages;
using Ombudsman.Testing;
using Ombudsman.Web;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// The undelivered mail page words each notification for people rather than by its template id, a resend that
/// arrives leaves the case with no undelivered mail (its flag, the list and My office today), and a closed case's
/// mail is listed with why the system can no longer resend it, and a resend of it says so.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UndeliveredMailPageTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Notifications_are_named_in_words_a_resend_clears_the_case_and_a_closed_case_says_why_it_cannot_be_resent()
    {
        var notifier = new FirstComplainantMailFails();
        await using var app = await TestApp.StartAsync(
            azurite, ["Clock:Mode=Manual", $"Clock:Start={Start:O}"], configureServices: s => s.AddSingleton<ICaseNotifier>(notifier));
        var open = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        open = await ConsoleCases.UntilAsync(app, open.CaseId, s => s.NotDeliveredNotifications.Count > 0);
        Assert.True(open.EmailNotDelivered);
        var closed = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        await app.Service<CaseCommands>().SubmitAsync(closed.CaseId, CaseEvents.Withdraw, new CaseAction
        {
            Actor = new CaseActor { Role = CaseRole.Staff, Id = "jkt-intake", Name = "Sari (JKT)" },
            Note = "Pelapor mencabut laporan di loket.",
        });
        closed = await ConsoleCases.UntilAsync(
            app, closed.CaseId, s => s.Stage == CaseStage.Closed && s.NotDeliveredNotifications.Any(k => k.Contains(":case-closed:", StringComparison.Ordinal)));
        var closedKey = closed.NotDeliveredNotifications.First(k => k.Contains(":case-closed:", StringComparison.Ordinal));

        await using var browser = await StaffBrowser.SignedInAsync(chromium, app, "jkt-intake");
        var page = browser.Page;
        await page.GotoAsync(ConsoleRoutes.Mail);
        var row = page.Locator("section.console-mail").Filter(new() { Has = page.Locator($"input[value='{open.NotDeliveredNotifications[0]}']") });
        var heading = await row.Locator("h2").InnerTextAsync();
        Assert.Equal($"{open.CaseId.ToUpperInvariant()}: Tanda terima laporan", heading.Trim());
        Assert.Contains("Kepada: Pelapor", await row.InnerTextAsync(), StringComparison.Ordinal);

        // The closed case is listed apart, with no form, and why.
        var closedSection = await page.Locator("section.console-mail-closed").InnerTextAsync();
        Assert.Contains($"{closed.CaseId.ToUpperInvariant()}: Pemberitahuan perkara ditutup", closedSection, StringComparison.Ordinal);
        Assert.Contains("sistem tidak lagi menerima tindakan", closedSection, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"input[value='{closedKey}']").CountAsync());
        Assert.DoesNotContain(":receipt:", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "staff-mail-worded");

        await page.GotoAsync(ConsoleRoutes.Mail + "?lang=en");
        Assert.Equal($"{open.CaseId.ToUpperInvariant()}: Report receipt", (await row.Locator("h2").InnerTextAsync()).Trim());
        Assert.Contains("Case closed notice", await page.Locator("section.console-mail-closed").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "staff-mail-worded-en");
        await page.GotoAsync(ConsoleRoutes.Mail + "?lang=id");

        // A resend posted for the closed case (a page left open while it closed) says why nothing was done.
        var token = await page.Locator($"input[name='{PageContext.FormTokenField}']").First.InputValueAsync();
        var form = page.Context.APIRequest.CreateFormData();
        form.Set(PageContext.FormTokenField, token);
        form.Set("case", closed.CaseId);
        form.Set("notification", closedKey);
        var refused = await page.Context.APIRequest.PostAsync(ConsoleRoutes.MailResend, new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(303, refused.Status);
        await page.GotoAsync(refused.Headers["location"]);
        Assert.Contains($"Perkara {closed.CaseId.ToUpperInvariant()} sudah ditutup", await page.InnerTextAsync("p.notice"), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "staff-mail-closed-case-refused");
        Assert.DoesNotContain(notifier.Sent, n => n.IdempotencyKey.StartsWith(closedKey + ":", StringComparison.Ordinal));

        // The open case's resend arrives: the case has no undelivered mail left, by its flag, the list and today.
        await row.GetByRole(AriaRole.Button, new() { Name = "Kirim ulang" }).ClickAsync();
        Assert.Contains($"Pemberitahuan perkara {open.CaseId.ToUpperInvariant()} sudah dikirim ulang.", await page.InnerTextAsync("p.notice"), StringComparison.Ordinal);
        var after = await ConsoleCases.UntilAsync(app, open.CaseId, s => s.NotDeliveredNotifications.Count == 0);
        Assert.False(after.EmailNotDelivered);
        Assert.Single(await app.Service<CaseReadModel>().ListCasesAsync("JKT", new CaseListQuery()), c => c.CaseId == open.CaseId && !c.EmailNotDelivered);
        Assert.DoesNotContain(await app.Service<CaseReadModel>().ListCasesAsync("JKT", new CaseListQuery { EmailNotDelivered = true }), c => c.CaseId == open.CaseId);
        await page.GotoAsync(ConsoleRoutes.Today);
        Assert.DoesNotContain(open.CaseId.ToUpperInvariant(), await page.Locator("section[aria-labelledby='mail']").InnerTextAsync(), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "staff-today-mail-cleared");
    }
}

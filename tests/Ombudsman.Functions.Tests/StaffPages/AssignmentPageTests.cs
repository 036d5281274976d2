using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ombudsman.Functions.Assignment;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Functions.Tests.Pages;
using Ombudsman.Testing;
using Ombudsman.Web;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// Assigning a case in the console: the head of office assigns it to an officer of the office, who sees it as theirs on
/// the case page, on My office today and in the list and CSV filtered by it; an officer of another office cannot be
/// chosen, another office cannot open the case, and neither the complainant's page nor the provider's shows who has it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AssignmentPageTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    [Fact]
    public async Task The_head_assigns_a_case_to_an_examiner_who_finds_it_as_theirs_in_the_list_and_CSV_while_other_offices_and_the_complainant_do_not_see_it()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filed = await PublicApi.FileAsync(app, PublicApi.FilingToday());
        await PublicApi.UntilStageAsync(app, filed.Token, CaseStage.CompletenessCheck);
        var other = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);
        var receipt = filed.CaseId.ToUpperInvariant();
        var otherReceipt = other.CaseId.ToUpperInvariant();

        await using var head = await StaffBrowser.SignedInAsync(chromium, app, "jkt-head");
        var page = head.Page;
        await page.GotoAsync(ConsoleRoutes.Case(filed.CaseId));
        Assert.Contains("belum ditugaskan", await page.InnerTextAsync("#assignment"), StringComparison.Ordinal);
        Assert.Contains("Kepala perwakilan menugaskan", await page.InnerTextAsync("#assignee-hint"), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "staff-assign-unassigned-head");

        // An officer of another office is not one of the choices; a form that names one anyway stores nothing.
        Assert.Equal(0, await page.Locator("#assignee option[value='bal-examiner']").CountAsync());
        await page.EvaluateAsync("() => document.querySelector('#assignee').add(new Option('Bali', 'bal-examiner', true, true))");
        var refused = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Simpan penugasan" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, refused.Status);
        Assert.Equal("Pilih petugas kantor ini dari daftar.", (await page.InnerTextAsync("#assignee-error")).Trim());
        Assert.Equal("true", await page.GetAttributeAsync("#assignee", "aria-invalid"));
        await PageChecks.CheckAsync(page, "staff-assign-other-office-refused");
        Assert.Null(await app.Service<CaseAssignments>().CurrentAsync(filed.CaseId, CancellationToken.None));
        Assert.Empty(await app.Service<CaseReadModel>().ListCasesAsync("JKT", new CaseListQuery { AssignedTo = "bal-examiner" }));

        await page.SelectOptionAsync("#assignee", "jkt-examiner");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simpan penugasan" }).ClickAsync();
        Assert.EndsWith(ConsoleRoutes.Case(filed.CaseId) + "?done=assignment", page.Url, StringComparison.Ordinal);
        var assignment = await page.InnerTextAsync("#assignment");
        Assert.Contains("Ditugaskan kepada Budi (JKT) sejak", assignment, StringComparison.Ordinal);
        Assert.Contains("oleh Dewi (JKT)", assignment, StringComparison.Ordinal);
        Assert.Contains("Case assigned to Budi (JKT) (jkt-examiner).", await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal("jkt-examiner", await page.InputValueAsync("#assignee"));
        await PageChecks.CheckAsync(page, "staff-assign-assigned-head");

        // The examiner sees it as theirs on the case page, on My office today and in the list filtered to "me".
        await using var examiner = await StaffBrowser.SignedInAsync(chromium, app, "jkt-examiner");
        var mine = examiner.Page;
        await mine.GotoAsync(ConsoleRoutes.Case(filed.CaseId));
        Assert.Contains("Ditugaskan kepada Anda sejak", await mine.InnerTextAsync("#assignment"), StringComparison.Ordinal);
        Assert.Equal(1, await mine.GetByRole(AriaRole.Button, new() { Name = "Lepaskan perkara ini" }).CountAsync());
        Assert.Equal(0, await mine.Locator("#assignee").CountAsync());
        await PageChecks.CheckAsync(mine, "staff-assign-mine-examiner");

        await mine.GotoAsync(ConsoleRoutes.Today);
        var today = await mine.Locator("section[aria-labelledby='assigned-to-me']").InnerTextAsync();
        Assert.Contains(receipt, today, StringComparison.Ordinal);
        Assert.DoesNotContain(otherReceipt, today, StringComparison.Ordinal);
        await PageChecks.CheckAsync(mine, "staff-today-assigned-to-me");

        await mine.GotoAsync(ConsoleRoutes.Cases);
        await mine.SelectOptionAsync("#assigned", "me");
        await mine.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        Assert.Contains("assigned=me", mine.Url, StringComparison.Ordinal);
        Assert.Equal([receipt], await mine.Locator("table tbody th a").AllInnerTextsAsync());
        Assert.Contains("Saya (Budi (JKT))", await mine.InnerTextAsync("table tbody"), StringComparison.Ordinal);
        await PageChecks.CheckAsync(mine, "staff-cases-assigned-to-me");

        using var http = ConsoleCases.SignedInClient(app, "jkt-examiner");
        var csv = await http.GetStringAsync(ConsoleRoutes.CasesCsv + "?assigned=me");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(",Ditugaskan kepada", lines[0], StringComparison.Ordinal);
        var line = Assert.Single(lines[1..]);
        Assert.StartsWith(receipt + ",", line, StringComparison.Ordinal);
        Assert.EndsWith(",Budi (JKT) (jkt-examiner)", line, StringComparison.Ordinal);
        var unassigned = await http.GetStringAsync(ConsoleRoutes.CasesCsv + "?assigned=none");
        Assert.Contains(otherReceipt, unassigned, StringComparison.Ordinal);
        Assert.DoesNotContain(receipt, unassigned, StringComparison.Ordinal);
        var unknown = await http.GetAsync(ConsoleRoutes.Cases + "?assigned=bal-examiner");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Pilih petugas dari daftar.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another office: the case is a missing one, to read and to assign.
        await using var bali = await StaffBrowser.SignedInAsync(chromium, app, "bal-head");
        var opened = await bali.Page.GotoAsync(ConsoleRoutes.Case(filed.CaseId));
        Assert.Equal(404, opened!.Status);
        await bali.Page.GotoAsync(ConsoleRoutes.Cases);
        var token = await bali.Page.Locator($"input[name='{PageContext.FormTokenField}']").First.InputValueAsync();
        var form = bali.Page.Context.APIRequest.CreateFormData();
        form.Set(PageContext.FormTokenField, token);
        form.Set("assignee", "bal-examiner");
        form.Set("expected", "jkt-examiner");
        var forged = await bali.Page.Context.APIRequest.PostAsync(ConsoleRoutes.CaseAssignment(filed.CaseId), new() { Form = form, MaxRedirects = 0 });
        Assert.Equal(404, forged.Status);
        Assert.Equal("jkt-examiner", (await app.Service<CaseAssignments>().CurrentAsync(filed.CaseId, CancellationToken.None))!.AssigneeId);

        // The complainant's page says nothing of who handles the case inside the office.
        await using var complainant = await BrowserSession.OpenAsync(chromium, app);
        await complainant.Page.GotoAsync($"{Routes.Case(filed.CaseId)}?token={filed.Token}");
        var publicPage = await complainant.Page.ContentAsync();
        Assert.Contains(filed.ReceiptNumber, publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Budi", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("jkt-examiner", publicPage, StringComparison.Ordinal);
        Assert.DoesNotContain("Dewi", publicPage, StringComparison.Ordinal);
        await PageChecks.CheckAsync(complainant.Page, "track-case-assigned-inside-office");
    }

    [Fact]
    public async Task An_examiner_takes_an_unassigned_case_a_colleague_cannot_take_it_from_them_and_it_is_handed_back()
    {
        await using var app = await TestApp.StartAsync(azurite);
        var filed = await ConsoleCases.FileAsync(app, ConsoleCases.Jakarta);

        await using var examiner = await StaffBrowser.SignedInAsync(chromium, app, "jkt-examiner");
        var page = examiner.Page;
        await page.GotoAsync(ConsoleRoutes.Case(filed.CaseId));
        Assert.Equal(0, await page.Locator("#assignee").CountAsync());
        await PageChecks.CheckAsync(page, "staff-assign-take-offered");

        // A colleague's page shown before the case was taken: its "take" must not win over the first.
        await using var colleague = await StaffBrowser.SignedInAsync(chromium, app, "jkt-examiner-2");
        await colleague.Page.GotoAsync(ConsoleRoutes.Case(filed.CaseId));

        await page.GetByRole(AriaRole.Button, new() { Name = "Ambil perkara ini" }).ClickAsync();
        Assert.Contains("Ditugaskan kepada Anda sejak", await page.InnerTextAsync("#assignment"), StringComparison.Ordinal);
        Assert.Contains("Case assigned to Budi (JKT) (jkt-examiner).", await page.ContentAsync(), StringComparison.Ordinal);

        var late = await colleague.Page.RunAndWaitForResponseAsync(
            () => colleague.Page.GetByRole(AriaRole.Button, new() { Name = "Ambil perkara ini" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(409, late.Status);
        Assert.Contains("Penugasan perkara ini berubah sejak halaman dibuka.", await colleague.Page.InnerTextAsync("[role=alert]"), StringComparison.Ordinal);
        Assert.Contains("hanya kepala perwakilan yang dapat memindahkannya", await colleague.Page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal(0, await colleague.Page.GetByRole(AriaRole.Button, new() { Name = "Ambil perkara ini" }).CountAsync());
        await PageChecks.CheckAsync(colleague.Page, "staff-assign-taken-meanwhile");
        Assert.Equal("jkt-examiner", (await app.Service<CaseAssignments>().CurrentAsync(filed.CaseId, CancellationToken.None))!.AssigneeId);

        // Handing it back leaves it to nobody, and the list's row says so.
        await page.GetByRole(AriaRole.Button, new() { Name = "Lepaskan perkara ini" }).ClickAsync();
        Assert.Contains("belum ditugaskan", await page.InnerTextAsync("#assignment"), StringComparison.Ordinal);
        Assert.Contains("Case no longer assigned to Budi (JKT) (jkt-examiner).", await page.ContentAsync(), StringComparison.Ordinal);
        await PageChecks.CheckAsync(page, "staff-assign-handed-back");
        var row = Assert.Single(await app.Service<CaseReadModel>().ListCasesAsync("JKT", new CaseListQuery()), c => c.CaseId == filed.CaseId);
        Assert.Null(row.Assignee);

        // An adjudicator neither assigns nor takes.
        await using var adjudicator = await StaffBrowser.SignedInAsync(chromium, app, "jkt-adjudicator");
        await adjudicator.Page.GotoAsync(ConsoleRoutes.Case(filed.CaseId));
        Assert.Equal(0, await adjudicator.Page.Locator("#assignment ~ form").CountAsync());
        Assert.Contains("Peran Anda tidak menugaskan perkara.", await adjudicator.Page.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_national_reviewer_is_offered_only_the_statistics()
    {
        await using var app = await TestApp.StartAsync(azurite);
        await using var reviewer = await StaffBrowser.SignedInAsync(chromium, app, "pst-national");
        var page = reviewer.Page;
        await page.GotoAsync(ConsoleRoutes.Statistics);

        Assert.Equal([ConsoleRoutes.Statistics], await page.Locator("nav.console a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        await PageChecks.CheckAsync(page, "staff-statistics-national-nav");

        // Every link the console's header offers them answers a page, not a refusal.
        foreach (var href in await page.Locator("header a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"))
        {
            var response = await page.Context.APIRequest.GetAsync(href);
            Assert.True(response.Ok, $"{href} answered {response.Status}");
        }

        // A head of office still has the whole console.
        await using var head = await StaffBrowser.SignedInAsync(chromium, app, "jkt-head");
        await head.Page.GotoAsync(ConsoleRoutes.Statistics);
        Assert.Equal(5, await head.Page.Locator("nav.console a").CountAsync());
    }
}

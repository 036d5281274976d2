using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Routing;
using Ombudsman.Functions.StaffPages;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Functions.Tests.Pages;
using Ombudsman.Testing;
using Ombudsman.Web;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// Only signed-in staff reach a console page: locally through the development sign-in page (sample staff of each
/// office), in Azure through App Service authentication's login address. The console pages themselves are tested
/// in their own classes; here a test-only console page says who it sees.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StaffSignInTests(AzuriteFixture azurite, ChromiumFixture chromium)
{
    private const string WhoAmIPath = "/staff/test-who-am-i";

    [Fact]
    public async Task A_visitor_is_sent_to_sign_in_and_back_and_the_chosen_sample_member_is_who_the_console_and_the_staff_api_see()
    {
        await using var app = await TestApp.StartAsync(azurite, configureServices: AddWhoAmIPage);
        using var visitor = Visitor(app);

        using var unsigned = await visitor.GetAsync(new Uri(WhoAmIPath + "?x=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.SeeOther, unsigned.StatusCode);
        Assert.Equal(ConsoleRoutes.SignInThenReturnTo(WhoAmIPath + "?x=1"), unsigned.Headers.Location!.OriginalString);

        using var signInPage = await visitor.GetAsync(unsigned.Headers.Location);
        var html = await signInPage.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        Assert.Contains("value=\"jkt-intake\"", html, StringComparison.Ordinal);
        Assert.Contains("Sari (JKT), petugas penerimaan", html, StringComparison.Ordinal);
        Assert.Contains("value=\"bal-head\"", html, StringComparison.Ordinal);

        using var unknown = await visitor.PostAsync(new Uri(ConsoleRoutes.SignIn, UriKind.Relative), SignInForm(FormToken(html), "jkt-nobody", WhoAmIPath));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Pilih petugas.", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var signedIn = await visitor.PostAsync(new Uri(ConsoleRoutes.SignIn, UriKind.Relative), SignInForm(FormToken(html), "jkt-examiner", WhoAmIPath + "?x=1"));
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Equal(WhoAmIPath + "?x=1", signedIn.Headers.Location!.OriginalString);

        Assert.Equal("jkt-examiner JKT examiner", await visitor.GetStringAsync(new Uri(WhoAmIPath, UriKind.Relative)));
        using var api = await visitor.GetAsync(new Uri("/api/staff/cases", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);

        using var signedOut = await visitor.PostAsync(new Uri(ConsoleRoutes.SignOut, UriKind.Relative), SignInForm(FormToken(html), null, null));
        Assert.Equal(HttpStatusCode.SeeOther, signedOut.StatusCode);
        using var afterwards = await visitor.GetAsync(new Uri(WhoAmIPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.SeeOther, afterwards.StatusCode);
    }

    [Fact]
    public async Task Sign_in_never_sends_a_member_away_from_the_console_and_refuses_a_form_without_its_token()
    {
        await using var app = await TestApp.StartAsync(azurite, configureServices: AddWhoAmIPage);
        using var visitor = Visitor(app);
        var token = FormToken(await visitor.GetStringAsync(new Uri(ConsoleRoutes.SignIn, UriKind.Relative)));

        foreach (var elsewhere in new[] { "https://evil.example/staff", "//evil.example/staff", "/track/case-1", "/staffing", "/staff/..//evil" })
        {
            using var answer = await visitor.PostAsync(new Uri(ConsoleRoutes.SignIn, UriKind.Relative), SignInForm(token, "jkt-head", elsewhere));
            Assert.Equal(ConsoleRoutes.Today, answer.Headers.Location!.OriginalString);
        }

        using var fresh = Visitor(app);
        using var forged = await fresh.PostAsync(new Uri(ConsoleRoutes.SignIn, UriKind.Relative), SignInForm("A" + token[1..], "jkt-head", WhoAmIPath));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.DoesNotContain(forged.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(DevelopmentStaff.CookieName, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Behind_App_Service_authentication_a_visitor_is_sent_to_its_login_and_a_signed_in_account_without_a_staff_role_is_told_so()
    {
        await using var app = await TestApp.StartAsync(
            azurite, ["StaffIdentity:DevelopmentScheme=false", "StaffIdentity:EasyAuth=true"], configureServices: AddWhoAmIPage);
        using var visitor = Visitor(app);

        using var unsigned = await visitor.GetAsync(new Uri(WhoAmIPath, UriKind.Relative));
        Assert.Equal(HttpStatusCode.SeeOther, unsigned.StatusCode);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(WhoAmIPath), unsigned.Headers.Location!.OriginalString);

        // The sample staff cookie means nothing here.
        using var withCookie = new HttpRequestMessage(HttpMethod.Get, WhoAmIPath);
        withCookie.Headers.Add("Cookie", $"{DevelopmentStaff.CookieName}=jkt-head");
        using var cookieAnswer = await visitor.SendAsync(withCookie);
        Assert.Equal(HttpStatusCode.SeeOther, cookieAnswer.StatusCode);

        using var noRole = new HttpRequestMessage(HttpMethod.Get, WhoAmIPath);
        noRole.Headers.Add(EasyAuthPrincipal.PrincipalHeader, Convert.ToBase64String(Encoding.UTF8.GetBytes(
            """{"auth_typ":"aad","claims":[{"typ":"name","val":"Tamu"},{"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"guest-1"}],"name_typ":"name","role_typ":"roles"}""")));
        using var notStaff = await visitor.SendAsync(noRole);
        Assert.Equal(HttpStatusCode.Forbidden, notStaff.StatusCode);
        Assert.Contains("Akun ini bukan akun petugas", await notStaff.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var devPage = await visitor.GetAsync(new Uri(ConsoleRoutes.SignIn, UriKind.Relative));
        Assert.Equal(HttpStatusCode.SeeOther, devPage.StatusCode);
        Assert.StartsWith("/.auth/login/aad", devPage.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_any_staff_authentication_the_sign_in_page_says_it_is_not_available_here()
    {
        await using var app = await TestApp.StartAsync(azurite, ["StaffIdentity:DevelopmentScheme=false"], configureServices: AddWhoAmIPage);
        using var visitor = Visitor(app);

        using var page = await visitor.GetAsync(new Uri(ConsoleRoutes.SignIn, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Masuk tidak tersedia di sini", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_the_browser_a_member_picks_a_sample_staff_member_on_an_accessible_page_and_lands_where_they_were_going()
    {
        await using var app = await TestApp.StartAsync(azurite, configureServices: AddWhoAmIPage);
        await using var browser = await BrowserSession.OpenAsync(chromium, app);
        var page = browser.Page;

        await page.GotoAsync(WhoAmIPath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Masuk sebagai petugas");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page.Locator("#staffId-error")).ToHaveTextAsync("Pilih petugas.");
        await PageChecks.CheckAsync(page, "staff-sign-in-error");

        await page.GetByLabel("Petugas").SelectOptionAsync("pap-adjudicator");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).ToHaveTextAsync("pap-adjudicator PAP adjudicator");

        await page.GotoAsync(ConsoleRoutes.SignIn + "?lang=en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in as staff");
        await PageChecks.CheckAsync(page, "staff-sign-in");
    }

    /// <summary>A console page only the tests have: answers the signed-in member's id, office and roles.</summary>
    internal static void AddWhoAmIPage(IServiceCollection services)
    {
        var table = (HttpRouteTable)services.Single(d => d.ServiceType == typeof(HttpRouteTable)).ImplementationInstance!;
        table.Add(StaffConsole.Page(HttpRoute.Get("TestWhoAmIPage", WhoAmIPath.TrimStart('/'), (HttpContext context) =>
        {
            var member = StaffConsole.Member(context);
            return Results.Text($"{member.Id} {member.Office} {string.Join(",", member.Roles)}");
        })));
    }

    private static HttpClient Visitor(TestApp app) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

    private static string FormToken(string html)
    {
        var marker = $"name=\"{PageContext.FormTokenField}\" value=\"";
        var start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html[start..html.IndexOf('"', start)];
    }

    private static FormUrlEncodedContent SignInForm(string token, string? staffId, string? returnUrl) =>
        new(new Dictionary<string, string>
        {
            [PageContext.FormTokenField] = token,
            ["staffId"] = staffId ?? "",
            ["returnUrl"] = returnUrl ?? "",
        });
}

using Microsoft.Playwright;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Functions.Tests.Pages;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// A browser session signed in to the staff console as one of the development sample staff (<see cref="DevelopmentStaff"/>:
/// ids like <c>jkt-intake</c>, <c>jkt-examiner</c>, <c>jkt-examiner-2</c>, <c>jkt-head</c>, <c>jkt-adjudicator</c>, for
/// every office), as the sign-in page would leave it (<c>StaffSignInTests</c> covers the page itself). Staff work at
/// a desk: the viewport is the desktop one unless a test asks for the phone's.
/// </summary>
internal static class StaffBrowser
{
    public static async Task<BrowserSession> SignedInAsync(ChromiumFixture chromium, TestApp app, string staffId, ViewportSize? viewport = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        var session = await BrowserSession.OpenAsync(chromium, app, viewport ?? PageChecks.Desktop);
        await session.Context.AddCookiesAsync(
        [
            new Cookie { Name = DevelopmentStaff.CookieName, Value = staffId, Url = app.BaseAddress.ToString().TrimEnd('/') + "/" },
        ]);
        return session;
    }
}

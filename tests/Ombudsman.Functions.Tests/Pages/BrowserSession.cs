using Microsoft.Playwright;
using Ombudsman.Functions.Tests.Hosting;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>A fresh browser context (no cookies) on a phone-sized viewport, pointed at a running <see cref="TestApp"/>.</summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public static async Task<BrowserSession> OpenAsync(ChromiumFixture chromium, TestApp app, ViewportSize? viewport = null)
    {
        ArgumentNullException.ThrowIfNull(chromium);
        ArgumentNullException.ThrowIfNull(app);
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseAddress.ToString(),
            ViewportSize = viewport ?? PageChecks.Phone,
            Locale = "id-ID",
        });

        // Every wait is bounded: a page that never answers fails the test instead of hanging it.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return new BrowserSession(context, await context.NewPageAsync());
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}

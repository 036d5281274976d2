using System.Text.Json;
using Microsoft.Playwright;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>
/// What every page a browser test visits must pass: axe-core (the npm package, injected into the page) finds no serious
/// or critical violation; and the screenshot of the page at both widths, written where OMBUDSMAN_SCREENSHOTS says
/// (scripts/screenshots.sh sets docs/ui; by default TestResults/screenshots, which git ignores).
/// </summary>
internal static class PageChecks
{
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 780 };

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(RepositoryRoot.Path, "node_modules", "axe-core", "axe.min.js")));

    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("OMBUDSMAN_SCREENSHOTS") is { Length: > 0 } dir
            ? Path.GetFullPath(dir, RepositoryRoot.Path)
            : Path.Combine(RepositoryRoot.Path, "TestResults", "screenshots");

    /// <summary>axe-core on the page as it is now; fails naming every serious or critical violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);

        // Evaluated through the DevTools protocol, so the page's policy (no script) does not block it.
        await page.EvaluateAsync(AxeSource.Value);
        var json = await page.EvaluateAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')) })))");
        var violations = JsonSerializer.Deserialize<List<AxeViolation>>(json, JsonSerializerOptions.Web) ?? [];
        var severe = violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(
            severe.Count == 0,
            $"axe-core on {page.Url}: " + string.Join("; ", severe.Select(v => $"{v.Impact} {v.Id} ({v.Help}) at {string.Join(", ", v.Nodes)}")));
    }

    /// <summary>Screenshots of the page at 360 px and at 1280 px (full page), named <c>{name}-360.png</c> and <c>{name}-1280.png</c>; the viewport is put back.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        var before = page.ViewportSize is { } current ? new ViewportSize { Width = current.Width, Height = current.Height } : Phone;
        foreach (var size in new[] { Phone, Desktop })
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(ScreenshotDirectory, $"{name}-{size.Width}.png"),
                FullPage = true,
                Animations = ScreenshotAnimations.Disabled,
            });
        }

        await page.SetViewportSizeAsync(before.Width, before.Height);
    }

    /// <summary>Every check: accessible, under 150 KB, no sideways scroll at 360 px, photographed at both widths.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        await AssertAccessibleAsync(page);
        await AssertUnder150KbAsync(page);
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await AssertNoHorizontalScrollAsync(page);
        await ScreenshotAsync(page, name);
    }

    /// <summary>Whether the page fits the viewport's width (no sideways scrolling at 360 px).</summary>
    public static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a {widths[1]} px viewport");
    }

    /// <summary>The page and everything it loaded, as sent over the wire (bodies), stays under 150 KB.</summary>
    public static async Task AssertUnder150KbAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var bytes = await page.EvaluateAsync<long>(
            "() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).reduce((sum, e) => sum + Math.max(e.transferSize, e.encodedBodySize), 0)");
        Assert.True(bytes is > 0 and < 150 * 1024, $"{page.Url} transferred {bytes} bytes");
    }

    private sealed record AxeViolation(string Id, string? Impact, string Help, IReadOnlyList<string> Nodes);
}

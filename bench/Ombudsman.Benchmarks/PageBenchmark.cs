using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ombudsman.Testing;

namespace Ombudsman.Benchmarks;

/// <summary>
/// The public pages over HTTP on Kestrel (loopback), on Azurite: for each page in <see cref="PageBenchmarkTargets"/>,
/// time to first byte (request sent .. response headers received) over <see cref="Requests"/> sequential first visits
/// (no cookies), and the bytes a first visit transfers (the HTML and the stylesheet it links); then, in Debian's
/// chromium driven by Playwright, the page loads and the filing round trip (submit the filing form .. the receipt page
/// has loaded) when the app serves the filing form.
/// </summary>
internal sealed partial class PageBenchmark(int requests, int browserRuns)
{
    private const int WarmUp = 10;

    /// <summary>The development staff header of an intake officer of the office the benchmark files with (JKT).</summary>
    private const string IntakeOfficer = "198701-01;JKT;intake-officer;Dewi Lestari";

    /// <summary>How long one step of routing the provider's case may take before the provider page is skipped.</summary>
    private static readonly TimeSpan StepPatience = TimeSpan.FromSeconds(60);

    public int Requests => requests;

    public async Task<IReadOnlyList<PageFigures>> RunAsync(AzuriteFixture azurite, Action<string> report)
    {
        var prefix = "p" + Guid.NewGuid().ToString("N")[..10];
        return await BenchmarkApp.RunAsync(
            azurite,
            prefix,
            [
                // The public-intake limit (30 a minute per IP) would measure the limiter, not the pages.
                "--RateLimiting:PublicIntake:PermitLimit=1000000",
            ],
            async baseAddress =>
            {
                var figures = new List<PageFigures>();
                var visits = new Dictionary<CaseParty, CaseVisit>();
                if (await FileOneCaseAsync(baseAddress) is { } filed)
                {
                    visits[CaseParty.Complainant] = filed;
                    report($"filed case {filed.CaseId} for the complainant's pages");

                    // The provider's page is of a case routed to the provider; the complainant's pages stay those of a case just filed.
                    var routed = await FileOneCaseAsync(baseAddress) is { } second ? await ProviderVisitAsync(baseAddress, second.CaseId, report) : null;
                    if (routed is not null)
                    {
                        visits[CaseParty.Provider] = routed;
                        report($"routed case {routed.CaseId} and opened its provider link for the provider's page");
                    }
                }
                else
                {
                    report("filing over HTTP did not land on a receipt: the case pages are skipped");
                }

                foreach (var target in PageBenchmarkTargets.Pages)
                {
                    var visit = visits.GetValueOrDefault(target.Party);
                    if (target.NeedsCase && visit is null)
                    {
                        continue;
                    }

                    var measured = await MeasureAsync(baseAddress, target, visit);
                    report(measured is null ? $"{target.Name}: not served ({target.Path})" : $"{target.Name}: measured");
                    if (measured is not null)
                    {
                        figures.Add(measured);
                    }
                }

                figures.AddRange(await BrowserAsync(baseAddress, visits, report));
                return (IReadOnlyList<PageFigures>)figures;
            });
    }

    /// <summary>TTFB over the requests and the first visit's bytes; null when the app does not serve the page (yet).</summary>
    private async Task<PageFigures?> MeasureAsync(Uri baseAddress, PageTarget target, CaseVisit? visit)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var path = target.PathFor(visit?.CaseId);
        if (target.NeedsCase && visit is not null)
        {
            // The party's case cookie (the filing's, the provider link's): without it a case page asks for a token or link.
            client.DefaultRequestHeaders.Add("Cookie", visit.CookieHeader);
        }

        var html = await GetAsync(client, path);
        if ((int)html.Status != target.Status)
        {
            return null;
        }

        var stylesheets = StylesheetLink().Matches(Encoding(html.Body)).Select(m => m.Groups["href"].Value).Distinct().ToList();
        long cssBytes = 0;
        foreach (var href in stylesheets)
        {
            cssBytes += (await GetAsync(client, href)).Body.Length;
        }

        for (var i = 0; i < WarmUp; i++)
        {
            await GetAsync(client, path);
        }

        var ttfb = new List<double>(requests);
        for (var i = 0; i < requests; i++)
        {
            ttfb.Add((await GetAsync(client, path)).TimeToFirstByte.TotalMilliseconds);
        }

        return new PageFigures(target.Name, target.Path, "HTTP", Percentile(ttfb, 0.50), Percentile(ttfb, 0.99), html.Body.Length, cssBytes, requests);
    }

    private static async Task<(HttpStatusCode Status, byte[] Body, TimeSpan TimeToFirstByte)> GetAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);
        var ttfb = clock.Elapsed;
        var body = await response.Content.ReadAsByteArrayAsync();
        return (response.StatusCode, body, ttfb);
    }

    /// <summary>Page loads in chromium (navigation start .. load event) and the filing round trip when the form is there.</summary>
    private async Task<IReadOnlyList<PageFigures>> BrowserAsync(Uri baseAddress, IReadOnlyDictionary<CaseParty, CaseVisit> visits, Action<string> report)
    {
        var executable = Environment.GetEnvironmentVariable("OMBUDSMAN_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            report($"browser: no chromium at {executable} (scripts/lib.sh installs Debian's package); browser figures skipped");
            return [];
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Timeout = 60_000,

            // The browser tests' flags (tests/Ombudsman.Functions.Tests/Pages/ChromiumFixture.cs): off the network, only the app on loopback.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });

        var figures = new List<PageFigures>();
        foreach (var target in PageBenchmarkTargets.Pages.Where(p => p.InBrowser && (!p.NeedsCase || visits.ContainsKey(p.Party))))
        {
            var visit = visits.GetValueOrDefault(target.Party);
            var address = target.PathFor(visit?.CaseId);
            var loads = new List<double>(browserRuns);
            for (var i = 0; i < browserRuns + 1; i++)
            {
                // A fresh context each time: a first visit, nothing cached.
                await using var context = await NewContextAsync(browser, baseAddress);
                if (target.NeedsCase && visit is not null)
                {
                    await context.AddCookiesAsync(visit.Cookies.Select(c => new Microsoft.Playwright.Cookie
                    {
                        Name = c.Name,
                        Value = c.Value,
                        Domain = baseAddress.Host,
                        Path = c.Path,
                        HttpOnly = true,
                    }));
                }

                var page = await context.NewPageAsync();
                var response = await page.GotoAsync(address, new() { WaitUntil = WaitUntilState.Load });
                if (response is null || response.Status != target.Status)
                {
                    break;
                }

                var load = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].loadEventEnd");
                if (i > 0)
                {
                    loads.Add(load);
                }
            }

            if (loads.Count == browserRuns)
            {
                figures.Add(new PageFigures(target.Name, target.Path, "browser load", Percentile(loads, 0.50), Percentile(loads, 0.99), null, null, browserRuns));
            }
        }

        var filing = PageBenchmarkTargets.Filing;
        await using (var probe = await NewContextAsync(browser, baseAddress))
        {
            var form = await (await probe.NewPageAsync()).GotoAsync(filing.FormPath);
            if (form is null || form.Status != 200)
            {
                report($"filing round trip: the app does not serve {filing.FormPath} yet; skipped");
                return figures;
            }
        }

        var roundTrips = new List<double>(browserRuns);
        for (var i = 0; i < browserRuns + 1; i++)
        {
            await using var context = await NewContextAsync(browser, baseAddress);
            var page = await context.NewPageAsync();
            await page.GotoAsync(filing.FormPath);
            await filing.FillAsync(page);
            var clock = Stopwatch.StartNew();
            await page.GetByRole(AriaRole.Button, new() { NameRegex = filing.SubmitButton }).ClickAsync();
            try
            {
                await page.WaitForURLAsync(filing.ReceiptUrl, new() { WaitUntil = WaitUntilState.Load });
            }
            catch (TimeoutException)
            {
                // A filing that did not reach its receipt is no round trip: say where it ended, count it, go on.
                var heading = await page.Locator("h1").First.TextContentAsync(new() { Timeout = 5_000 });
                report($"filing round trip {i}: no receipt within the timeout; ended on {page.Url} ({heading?.Trim()})");
                continue;
            }

            if (i > 0)
            {
                roundTrips.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        if (roundTrips.Count < browserRuns)
        {
            report($"filing round trip: {browserRuns - roundTrips.Count} of {browserRuns} runs did not reach the receipt");
        }

        if (roundTrips.Count > 0)
        {
            figures.Add(new PageFigures("filing: submit to receipt page", filing.FormPath, "browser round trip", Percentile(roundTrips, 0.50), Percentile(roundTrips, 0.99), null, null, roundTrips.Count));
        }

        return figures;
    }

    /// <summary>
    /// Files one complaint through the page form over HTTP, as a browser without script would (form cookie kept, hidden
    /// fields repeated), and keeps the case cookie the receipt redirect sets; null when it does not land on a receipt.
    /// </summary>
    private static async Task<CaseVisit?> FileOneCaseAsync(Uri baseAddress)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        var filing = PageBenchmarkTargets.Filing;
        var html = await client.GetStringAsync(new Uri(filing.FormPath, UriKind.Relative));
        using var form = new MultipartFormDataContent();
        foreach (Match hidden in HiddenField().Matches(html))
        {
            form.Add(new StringContent(WebUtility.HtmlDecode(hidden.Groups["value"].Value)), hidden.Groups["name"].Value);
        }

        foreach (var field in filing.Fields)
        {
            form.Add(new StringContent(field.Value), field.Name);
        }

        using var response = await client.PostAsync(new Uri(filing.PostPath, UriKind.Relative), form);
        var location = response.Headers.Location?.OriginalString ?? "";
        if (response.StatusCode != HttpStatusCode.SeeOther || !filing.ReceiptUrl.IsMatch(location))
        {
            return null;
        }

        var caseId = ReceiptCaseId().Match(location).Groups["caseId"].Value;
        var casePath = $"/track/{caseId}";
        var caseCookies = cookies.GetCookies(new Uri(baseAddress, casePath)).Where(c => c.Path.StartsWith("/track", StringComparison.Ordinal)).ToList();
        return caseCookies.Count == 0
            ? null
            : new CaseVisit(caseId, cookies.GetCookieHeader(new Uri(baseAddress, casePath)), [.. caseCookies.Select(c => (c.Name, c.Value, c.Path))]);
    }

    /// <summary>
    /// Routes a filed case to its provider as staff would over the staff API (the development staff header): the file
    /// is complete (UU 25/2009 art. 46 routes it and starts the provider's response deadline), a provider link is
    /// issued, and the link is opened as the provider opens the emailed one, keeping the cookie it sets. Null (said
    /// why) when any step does not answer as it should within its bound.
    /// </summary>
    private static async Task<CaseVisit?> ProviderVisitAsync(Uri baseAddress, string caseId, Action<string> report)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Add("X-Dev-Staff", IntakeOfficer);
        var patience = Stopwatch.StartNew();

        // The workflow reaches the completeness check on its own, then answers the action once applied.
        while (await StageAsync(client, caseId) != "completenessCheck")
        {
            if (patience.Elapsed > StepPatience)
            {
                report($"provider page: case {caseId} did not reach the completeness check within {StepPatience}");
                return null;
            }

            await Task.Delay(100);
        }

        using (var complete = await client.PostAsync(new Uri($"/api/staff/cases/{caseId}/actions/file-complete", UriKind.Relative), null))
        {
            if (complete.StatusCode != HttpStatusCode.Accepted)
            {
                report($"provider page: file-complete answered {(int)complete.StatusCode}");
                return null;
            }
        }

        // The link needs the provider's deadline, which an activity computes after routing: 409 until then.
        string? pageUrl = null;
        patience.Restart();
        while (pageUrl is null)
        {
            using var issued = await client.PostAsync(new Uri($"/api/staff/cases/{caseId}/provider-link", UriKind.Relative), null);
            if (issued.StatusCode == HttpStatusCode.Created)
            {
                using var body = System.Text.Json.JsonDocument.Parse(await issued.Content.ReadAsStringAsync());
                pageUrl = body.RootElement.GetProperty("pageUrl").GetString();
            }
            else if (issued.StatusCode != HttpStatusCode.Conflict || patience.Elapsed > StepPatience)
            {
                report($"provider page: issuing the link answered {(int)issued.StatusCode}");
                return null;
            }
            else
            {
                await Task.Delay(100);
            }
        }

        // The emailed link names the app's configured address; this app listens on a port of its own.
        var link = new Uri(pageUrl!);
        client.DefaultRequestHeaders.Remove("X-Dev-Staff");
        using var opened = await client.GetAsync(new Uri(link.PathAndQuery, UriKind.Relative));
        var casePath = $"/provider/{caseId}";
        var caseCookies = cookies.GetCookies(new Uri(baseAddress, casePath)).Where(c => c.Path.StartsWith("/provider", StringComparison.Ordinal)).ToList();
        if (opened.StatusCode != HttpStatusCode.SeeOther || caseCookies.Count == 0)
        {
            report($"provider page: the link answered {(int)opened.StatusCode} without the provider's cookie");
            return null;
        }

        return new CaseVisit(caseId, cookies.GetCookieHeader(new Uri(baseAddress, casePath)), [.. caseCookies.Select(c => (c.Name, c.Value, c.Path))]);
    }

    private static async Task<string?> StageAsync(HttpClient staff, string caseId)
    {
        using var response = await staff.GetAsync(new Uri($"/api/staff/cases/{caseId}", UriKind.Relative));
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.TryGetProperty("stage", out var stage) ? stage.GetString() : null;
    }

    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri baseAddress)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 780 },
            Locale = "id-ID",
        });

        // Every wait is bounded.
        context.SetDefaultTimeout(30_000);
        context.SetDefaultNavigationTimeout(30_000);
        return context;
    }

    private static string Encoding(byte[] body) => System.Text.Encoding.UTF8.GetString(body);

    /// <summary>The value at the quantile, nearest rank.</summary>
    private static double Percentile(List<double> values, double quantile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenField();

    [GeneratedRegex("/track/(?<caseId>[^/?]+)/receipt")]
    private static partial Regex ReceiptCaseId();

    [GeneratedRegex("<link[^>]*rel=\"stylesheet\"[^>]*href=\"(?<href>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex StylesheetLink();
}

/// <summary>One row of the result: time to first byte (HTTP) or load/round-trip time (browser), and bytes of a first visit.</summary>
internal sealed record PageFigures(string Name, string Path, string Kind, double P50Ms, double P99Ms, long? HtmlBytes, long? CssBytes, int Runs);

/// <summary>A case a party visits: its id, the Cookie header the party's case page gets, and those cookies one by one for chromium.</summary>
internal sealed record CaseVisit(string CaseId, string CookieHeader, IReadOnlyList<(string Name, string Value, string Path)> Cookies);

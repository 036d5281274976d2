using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ombudsman.Benchmarks;

/// <summary>
/// What the page benchmark measures, in one place: the public pages by address, and the filing round trip (the form's
/// address, the fields it fills and the button it presses, the address success lands on). A page the app does not
/// serve is reported as such and left out of the figures. Addresses with <c>{caseId}</c> are a case's pages, visited
/// by its <see cref="PageTarget.Party"/>: the benchmark files a complaint through the form and visits the complainant's
/// pages with the cookie it got, and routes a second one to the provider, whose page it visits from the issued link.
/// </summary>
internal static class PageBenchmarkTargets
{
    public const string CaseIdPlaceholder = "{caseId}";

    public static IReadOnlyList<PageTarget> Pages { get; } =
    [
        new("home", "/", 200),
        new("filing: choose the path", "/file", 200),
        new("filing form", "/file?path=provider", 200),
        new("track by receipt number", "/track", 200),
        new("receipt", "/track/{caseId}/receipt", 200),
        new("case page (complainant)", "/track/{caseId}", 200),
        new("provider page", "/provider/{caseId}", 200, Party: CaseParty.Provider),
        new("not found", "/no-such-page", 404),
        new("stylesheet", Ombudsman.Web.PageAssets.StylesheetPath, 200, InBrowser: false),
    ];

    /// <summary>
    /// The filing form filled as a complainant on the provider path would (UU 25/2009 art. 42 items): fields by their
    /// name attribute, as src/Ombudsman.Web/Pages/FilingPage.razor names them. The service was received a week ago,
    /// well inside the filing window, so no lateness question comes between the form and the receipt.
    /// </summary>
    public static FilingRoundTrip Filing { get; } = new(
        FormPath: "/file?path=provider",
        PostPath: "/file",
        SubmitButton: new Regex("^(Kirim pengaduan|Send the complaint)$", RegexOptions.IgnoreCase),
        ReceiptUrl: new Regex("/track/[^/?]+/receipt$"),
        Fields:
        [
            new("office", "JKT", FieldKind.Select),
            new("complainant.name", "Siti Rahayu", FieldKind.Fill),
            new("complainant.address", "Jl. Merdeka 1, Jakarta Pusat", FieldKind.Fill),
            new("complainant.email", "siti@example.test", FieldKind.Fill),
            new("complainant.phone", "081234567890", FieldKind.Fill),
            new("complainant.confidential", "no", FieldKind.Check),
            new("representative", "no", FieldKind.Check),
            new("provider.name", "Kantor Pertanahan Kota Jakarta Pusat", FieldKind.Fill),
            new("provider.kind", "governmentUnit", FieldKind.Check),
            new("provider.email", "pelayanan@bpn.example.test", FieldKind.Fill),
            new("serviceReceivedOn", DateTime.UtcNow.AddHours(7).AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), FieldKind.Fill),
            new("description", "Permohonan sertifikat sejak enam bulan belum diproses tanpa penjelasan.", FieldKind.Fill),
            new("remedyAsked", "Sertifikat diterbitkan sesuai standar pelayanan.", FieldKind.Fill),
            new("filedAtPlace", "Jakarta", FieldKind.Fill),
            new("signature", "Siti Rahayu", FieldKind.Fill),
        ]);
}

/// <summary>A page to measure: its address, the status it answers with, whether the browser loads it too, and whose case page it is.</summary>
internal sealed record PageTarget(string Name, string Path, int Status, bool InBrowser = true, CaseParty Party = CaseParty.Complainant)
{
    public bool NeedsCase => Path.Contains(PageBenchmarkTargets.CaseIdPlaceholder, StringComparison.Ordinal);

    public string PathFor(string? caseId) => caseId is null ? Path : Path.Replace(PageBenchmarkTargets.CaseIdPlaceholder, caseId, StringComparison.Ordinal);
}

/// <summary>Who visits a case's page: the complainant (the filing's cookie) or the provider (the issued link's).</summary>
internal enum CaseParty
{
    Complainant,
    Provider,
}

internal enum FieldKind
{
    Fill,
    Check,
    Select,
}

/// <summary>One form field: its name attribute and the value to give it (for a radio button, the value to pick).</summary>
internal sealed record FormField(string Name, string Value, FieldKind Kind);

internal sealed record FilingRoundTrip(string FormPath, string PostPath, Regex SubmitButton, Regex ReceiptUrl, IReadOnlyList<FormField> Fields)
{
    public async Task FillAsync(IPage page)
    {
        foreach (var field in Fields)
        {
            var selector = $"[name=\"{field.Name}\"]";
            switch (field.Kind)
            {
                case FieldKind.Check:
                    await page.Locator($"{selector}[value=\"{field.Value}\"]").CheckAsync();
                    break;
                case FieldKind.Select:
                    await page.Locator(selector).SelectOptionAsync(field.Value);
                    break;
                default:
                    await page.Locator(selector).FillAsync(field.Value);
                    break;
            }
        }
    }
}

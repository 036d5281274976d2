using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Ombudsman.Benchmarks;

/// <summary>
/// What the page benchmark measures, in one place: the public pages by address, and the filing round trip (the form's
/// address, the fields it fills and the button it presses, the address success lands on). A page the app does not
/// serve yet is reported as such and left out of the figures, so the list may run ahead of the pages.
/// </summary>
internal static class PageBenchmarkTargets
{
    public static IReadOnlyList<PageTarget> Pages { get; } =
    [
        new("home", "/", 200),
        new("filing form", "/file", 200),
        new("track by receipt number", "/track", 200),
        new("not found", "/no-such-page", 404),
        new("stylesheet", Ombudsman.Web.PageAssets.StylesheetPath, 200, InBrowser: false),
    ];

    /// <summary>
    /// The filing form filled as a complainant on the provider path would (UU 25/2009 art. 42 items): fields by their
    /// name attribute; adjust here when the form's names differ.
    /// </summary>
    public static FilingRoundTrip Filing { get; } = new(
        FormPath: "/file",
        SubmitButton: new Regex("^(Kirim|Send)", RegexOptions.IgnoreCase),
        ReceiptUrl: new Regex("/track/[^/]+/receipt$"),
        Fields:
        [
            new("path", "provider", FieldKind.Check),
            new("complainant.name", "Siti Rahayu", FieldKind.Fill),
            new("complainant.address", "Jl. Merdeka 1, Jakarta Pusat", FieldKind.Fill),
            new("complainant.email", "siti@example.test", FieldKind.Fill),
            new("complainant.phone", "081234567890", FieldKind.Fill),
            new("provider.name", "Kantor Pertanahan Kota Jakarta Pusat", FieldKind.Fill),
            new("provider.email", "pelayanan@bpn.example.test", FieldKind.Fill),
            new("description", "Permohonan sertifikat sejak enam bulan belum diproses tanpa penjelasan.", FieldKind.Fill),
            new("remedyAsked", "Sertifikat diterbitkan sesuai standar pelayanan.", FieldKind.Fill),
            new("eventOn", "2026-11-02", FieldKind.Fill),
            new("filedAtPlace", "Jakarta", FieldKind.Fill),
            new("signature", "Siti Rahayu", FieldKind.Fill),
        ]);
}

/// <summary>A page to measure: its address, the status it answers with, and whether the browser loads it too.</summary>
internal sealed record PageTarget(string Name, string Path, int Status, bool InBrowser = true);

internal enum FieldKind
{
    Fill,
    Check,
    Select,
}

/// <summary>One form field: its name attribute and the value to give it (for a radio button, the value to pick).</summary>
internal sealed record FormField(string Name, string Value, FieldKind Kind);

internal sealed record FilingRoundTrip(string FormPath, Regex SubmitButton, Regex ReceiptUrl, IReadOnlyList<FormField> Fields)
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

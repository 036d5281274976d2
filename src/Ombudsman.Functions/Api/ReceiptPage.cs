using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Ombudsman.Functions.Api;

/// <summary>The receipt as a self-contained printable HTML page; every value is HTML-encoded.</summary>
internal static class ReceiptPage
{
    private const string Style = "body{font-family:sans-serif;max-width:48rem;margin:2rem auto}th{text-align:left;vertical-align:top;padding-right:1rem}td{white-space:pre-wrap}@media print{a{display:none}}";

    /// <summary>
    /// The page's policy: nothing loads and no script runs; only its own inline style, by hash, so injected markup
    /// could not style or script anything; no site may frame it.
    /// </summary>
    public static readonly string ContentSecurityPolicy =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static string Render(Receipt receipt)
    {
        var rows = new List<(string Label, string? Value)>
        {
            ("Nomor tanda terima / Receipt number", receipt.ReceiptNumber),
            ("Nama pengadu / Complainant", receipt.Complainant.Name),
            ("Alamat / Address", receipt.Complainant.Address),
            ("Email", receipt.Complainant.Email),
            ("Telepon / Phone", receipt.Complainant.Phone),
            ("Identitas dirahasiakan / Identity confidential", receipt.Complainant.Confidential ? "Ya / Yes" : "Tidak / No"),
            ("Kuasa / Representative", receipt.Representative is { } r ? $"{r.Name} ({r.Email}), {r.PowerOfAttorney}" : null),
            ("Penyelenggara / Provider", receipt.Provider),
            ("Uraian pengaduan / Description", receipt.Description),
            ("Tuntutan / Remedy asked", receipt.RemedyAsked),
            ("Ganti rugi / Compensation claimed", receipt.CompensationClaim is { } amount ? "Rp " + amount.ToString("N0", CultureInfo.InvariantCulture) : null),
            ("Tempat pengaduan / Place", receipt.FiledAtPlace),
            ("Tanda tangan pengadu / Signed by", receipt.Signature),
            ("Diterima oleh / Received by", receipt.ReceivedBy),
            ("Waktu diterima / Received at", receipt.ReceivedAtLocal),
            ("Petugas penerima / Receiving official", receipt.ReceivingOfficial + " (diterbitkan secara elektronik / issued electronically)"),
        };
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>Tanda Terima Pengaduan ")
            .Append(E(receipt.ReceiptNumber))
            .Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<h1>Tanda Terima Pengaduan / Complaint Receipt</h1>\n<p>").Append(E(receipt.CitationText)).Append("</p>\n<table>\n");
        foreach (var (label, value) in rows.Where(r => !string.IsNullOrEmpty(r.Value)))
        {
            html.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value!)).Append("</td></tr>\n");
        }

        return html.Append("</table>\n</body>\n</html>\n").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

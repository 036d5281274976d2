using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Writes an RFC 5322 / MIME message (multipart/alternative: text then HTML, UTF-8, base64) that any mail client
/// opens, so a person can see exactly what a recipient would get. Non-ASCII headers use RFC 2047 encoded words.
/// </summary>
internal static class MimeMessageWriter
{
    public static string Write(OutgoingEmail email, DateTimeOffset date)
    {
        var id = MessageToken(email);
        var boundary = "=_ombudsman_" + id[..24];
        var mime = new StringBuilder();
        Header(mime, "From", Mailbox(email.From));
        Header(mime, "To", Mailbox(email.To));
        Header(mime, "Subject", EncodeHeaderValue(email.Content.Subject));
        Header(mime, "Date", date.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture));
        Header(mime, "Message-ID", $"<{id}@{email.From.Domain}>");
        Header(mime, "MIME-Version", "1.0");
        Header(mime, "Content-Language", email.Language.Code());
        Header(mime, "X-Ombudsman-Idempotency-Key", EncodeHeaderValue(email.IdempotencyKey));
        Header(mime, "X-Ombudsman-Template", EncodeHeaderValue(email.TemplateId));
        if (email.CaseId is not null)
        {
            Header(mime, "X-Ombudsman-Case-Id", EncodeHeaderValue(email.CaseId));
        }

        Header(mime, "Content-Type", $"multipart/alternative; boundary=\"{boundary}\"");
        mime.Append("\r\n");
        Part(mime, boundary, "text/plain", email.Content.TextBody);
        Part(mime, boundary, "text/html", email.Content.HtmlBody);
        mime.Append("--").Append(boundary).Append("--\r\n");
        return mime.ToString();
    }

    /// <summary>A stable token per notification: the same key always yields the same Message-ID.</summary>
    public static string MessageToken(OutgoingEmail email) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{email.CaseId}\n{email.IdempotencyKey}")))[..32];

    /// <summary>ASCII text stays as is; anything else becomes encoded words of at most 75 characters, folded.</summary>
    internal static string EncodeHeaderValue(string value)
    {
        if (value.All(c => c is >= ' ' and <= '~'))
        {
            return value;
        }

        var words = new List<string>();
        var chunk = new StringBuilder();
        foreach (var rune in value.EnumerateRunes())
        {
            // 45 bytes of UTF-8 -> 60 base64 characters -> 72 with "=?utf-8?B?" and "?=".
            if (Encoding.UTF8.GetByteCount(chunk.ToString()) + rune.Utf8SequenceLength > 45)
            {
                words.Add(EncodedWord(chunk.ToString()));
                chunk.Clear();
            }

            chunk.Append(rune.ToString());
        }

        words.Add(EncodedWord(chunk.ToString()));
        return string.Join("\r\n ", words);
    }

    private static string EncodedWord(string text) => $"=?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes(text))}?=";

    private static string Mailbox(EmailAddress address)
    {
        if (address.DisplayName is null)
        {
            return $"<{address.Address}>";
        }

        var name = address.DisplayName.All(c => c is >= ' ' and <= '~')
            ? "\"" + address.DisplayName.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\""
            : EncodeHeaderValue(address.DisplayName);
        return $"{name} <{address.Address}>";
    }

    private static void Header(StringBuilder mime, string name, string value) => mime.Append(name).Append(": ").Append(value).Append("\r\n");

    private static void Part(StringBuilder mime, string boundary, string contentType, string body)
    {
        mime.Append("--").Append(boundary).Append("\r\n")
            .Append("Content-Type: ").Append(contentType).Append("; charset=utf-8\r\n")
            .Append("Content-Transfer-Encoding: base64\r\n\r\n");
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(body));
        for (var i = 0; i < encoded.Length; i += 76)
        {
            mime.Append(encoded.AsSpan(i, Math.Min(76, encoded.Length - i))).Append("\r\n");
        }
    }
}

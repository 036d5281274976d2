using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Last line of defence for UU 25/2009 art. 42(5): scans a rendered provider email, or a text meant for the provider,
/// for the confidential complainant's name, email, phone or address (free text such as a complaint summary can carry
/// them past the templates), and proposes a redacted version of such a text for staff to review.
/// </summary>
internal static partial class ConfidentialityGuard
{
    /// <summary>Which identity detail appears in the email ("name", "email", "phone", "address"), or null when none does.</summary>
    public static string? FindLeak(RenderedEmail email, ComplainantIdentity identity) =>
        FindLeak(string.Join('\n', email.Subject, email.TextBody, WebUtility.HtmlDecode(email.HtmlBody)), identity);

    /// <summary>Which identity detail appears in the text ("name", "representative", "email", "phone", "address"), or null when none does.</summary>
    public static string? FindLeak(string text, ComplainantIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(identity);
        text = Normalize(text);
        if (Contains(text, identity.Name))
        {
            return "name";
        }

        if (Contains(text, identity.RepresentativeName))
        {
            return "representative";
        }

        if (Contains(text, identity.Email))
        {
            return "email";
        }

        if (Contains(text, identity.Address))
        {
            return "address";
        }

        return PhoneCore(identity.Phone) is { } phone && Digits(text).Contains(phone, StringComparison.Ordinal) ? "phone" : null;
    }

    /// <summary>
    /// The text with the complainant's and representative's names (whole and each part), address, every email address,
    /// every NIK (16 digits) and every phone number masked: a proposal staff review before a provider reads it.
    /// </summary>
    public static string Redact(string text, ComplainantIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(identity);
        text = EmailPattern().Replace(text, "[email]");
        text = NikPattern().Replace(text, "[NIK]");
        text = PhonePattern().Replace(text, m => Digits(m.Value).Length >= 8 ? "[nomor telepon]" : m.Value);
        text = ReplacePhrase(text, identity.Address, "[alamat]");
        foreach (var (name, mask) in new[] { (identity.Name, "[nama pengadu]"), (identity.RepresentativeName, "[nama kuasa]") })
        {
            text = ReplacePhrase(text, name, mask);
        }

        foreach (var (name, mask) in new[] { (identity.Name, "[nama pengadu]"), (identity.RepresentativeName, "[nama kuasa]") })
        {
            foreach (var part in (name ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => p.Length >= 3))
            {
                text = Regex.Replace(text, $@"(?<!\w){Regex.Escape(part)}(?!\w)", mask, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
        }

        return text;
    }

    /// <summary>Replaces a phrase wherever it appears, whatever its case and however its words are spaced or broken over lines.</summary>
    private static string ReplacePhrase(string text, string? phrase, string mask)
    {
        var words = (phrase ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (string.Join(' ', words).Length < 3)
        {
            return text;
        }

        var pattern = string.Join(@"\s+", words.Select(Regex.Escape));
        return Regex.Replace(text, pattern, mask, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    /// <summary>Nomor Induk Kependudukan: 16 digits, possibly grouped by fours.</summary>
    [GeneratedRegex(@"(?<!\d)\d{4}[ .-]?\d{4}[ .-]?\d{4}[ .-]?\d{4}(?!\d)")]
    private static partial Regex NikPattern();

    /// <summary>An Indonesian number: +62, 62 or a trunk 0, then digit groups separated by spaces, dots or hyphens.</summary>
    [GeneratedRegex(@"(?<![\w+])(?:\+62|62|0)[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,5}){1,4}(?!\w)")]
    private static partial Regex PhonePattern();

    private static bool Contains(string normalizedText, string? value) =>
        value is not null && Normalize(value) is { Length: >= 3 } needle && normalizedText.Contains(needle, StringComparison.OrdinalIgnoreCase);

    /// <summary>Collapses whitespace so "Siti  Rahayu" or a name broken over a line still matches.</summary>
    private static string Normalize(string value)
    {
        var result = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c))
            {
                space = result.Length > 0;
                continue;
            }

            if (space)
            {
                result.Append(' ');
                space = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>The subscriber number without +62 or the trunk 0, so "+62 812-3456" and "0812 3456" match alike.</summary>
    private static string? PhoneCore(string? phone)
    {
        if (phone is null)
        {
            return null;
        }

        var digits = Digits(phone);
        digits = digits.StartsWith("62", StringComparison.Ordinal) ? digits[2..] : digits.TrimStart('0');
        return digits.Length >= 6 ? digits : null;
    }

    private static string Digits(string value) => new([.. value.Where(char.IsAsciiDigit)]);
}

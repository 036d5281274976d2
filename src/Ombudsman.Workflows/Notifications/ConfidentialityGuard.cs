using System.Net;
using System.Text;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// Last line of defence for UU 25/2009 art. 42(5): scans a rendered provider email for the confidential complainant's
/// name, email, phone or address (free text such as a complaint summary can carry them past the templates).
/// </summary>
internal static class ConfidentialityGuard
{
    /// <summary>Which identity detail appears in the email ("name", "email", "phone", "address"), or null when none does.</summary>
    public static string? FindLeak(RenderedEmail email, ComplainantIdentity identity)
    {
        var text = Normalize(string.Join('\n', email.Subject, email.TextBody, WebUtility.HtmlDecode(email.HtmlBody)));
        if (Contains(text, identity.Name))
        {
            return "name";
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

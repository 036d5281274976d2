using System.Text.RegularExpressions;

namespace Ombudsman.Functions.Security;

/// <summary>
/// Finds access tokens in text about to be logged and masks them: <c>token=…</c> query values (links opened in a
/// browser carry the token there), <c>Bearer …</c> credentials, and JSON <c>"token"</c>/<c>"trackingToken"</c> values.
/// </summary>
internal static partial class TokenRedaction
{
    public const string Mask = "[redacted]";

    public static bool Contains(string? text) => text is { Length: > 0 } && Secret().IsMatch(text);

    public static string Redact(string text) => Secret().Replace(text, m => m.Groups["keep"].Value + Mask);

    /// <summary>The value as it will be written, masked when it holds a token; untouched otherwise.</summary>
    public static object? Redact(object? value) =>
        value switch
        {
            null or bool or int or long or double or decimal or DateTimeOffset or DateTime or TimeSpan or Guid or Enum => value,
            _ when value.ToString() is { } text && Contains(text) => Redact(text),
            _ => value,
        };

    // The token's own characters are base64url; a value ends where the URL, header or JSON string does. The
    // encoded forms (token%3D) are covered because hosts log the raw query.
    [GeneratedRegex(
        """(?<keep>(?:[?&;]|%26|%3F)(?:access_)?token(?:=|%3D))[^&\s#"'<>]+|(?<keep>\bBearer\s+)[A-Za-z0-9\-_.~+/]+=*|(?<keep>"(?:tracking)?token"\s*:\s*")[^"]+""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Secret();
}

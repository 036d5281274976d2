using System.Security.Cryptography;
using System.Text;

namespace Ombudsman.Functions.Access;

/// <summary>
/// Bearer tokens: 256 random bits, base64url. Only their SHA-256 is stored, so a copy of the table opens no case.
/// </summary>
internal static class AccessToken
{
    /// <summary>A fresh unguessable token (43 characters).</summary>
    public static string New() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The stored form: lower-case hex SHA-256 of the token's UTF-8 text.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Whether the text can be a token at all (43 base64url characters), before any storage is asked.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The token a request carries: <c>Authorization: Bearer &lt;token&gt;</c>, else <c>?token=</c> (links opened in a browser).</summary>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Query["token"].ToString() is { Length: > 0 } query ? query : null;
    }
}

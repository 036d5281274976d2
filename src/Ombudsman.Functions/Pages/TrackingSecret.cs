using Ombudsman.Functions.Access;

namespace Ombudsman.Functions.Pages;

/// <summary>
/// The secret code as a person types it from the receipt: the tracking token, maybe split into groups by spaces or
/// dashes to be readable. A token may itself contain dashes (base64url), so only dashes at regular group boundaries are
/// taken for separators; text that cannot be a token is null and judged like a wrong one.
/// </summary>
internal static class TrackingSecret
{
    public static string? Normalize(string? typed)
    {
        if (typed is null)
        {
            return null;
        }

        var compact = string.Concat(typed.Where(c => !char.IsWhiteSpace(c)));
        if (AccessToken.IsWellFormed(compact))
        {
            return compact;
        }

        // Grouped with dashes, e.g. "abcd-efgh-…": every (size + 1)th character is the separator.
        for (var size = 2; size <= 22; size++)
        {
            if (Ungrouped(compact, size) is { } token && AccessToken.IsWellFormed(token))
            {
                return token;
            }
        }

        return null;
    }

    private static string? Ungrouped(string text, int size)
    {
        var chars = new List<char>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i % (size + 1) == size)
            {
                if (text[i] != '-')
                {
                    return null;
                }
            }
            else
            {
                chars.Add(text[i]);
            }
        }

        return new string([.. chars]);
    }
}

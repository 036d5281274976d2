using Microsoft.Extensions.Primitives;

namespace Ombudsman.Functions.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> request header: 8 to 128 characters of letters, digits and <c>- _ . : ~</c> (a UUID
/// fits), optionally in double quotes as the IETF draft writes it (a structured-field string).
/// </summary>
internal static class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    /// <summary>On a replayed answer: <c>true</c>.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public const int MinLength = 8;

    public const int MaxLength = 128;

    /// <summary>The key of a request that sent exactly one well-formed header; false with no key when it sent none.</summary>
    public static bool TryRead(StringValues header, out string? key)
    {
        key = null;
        if (header.Count == 0)
        {
            return true;
        }

        if (header.Count > 1 || header[0] is not { } value)
        {
            return false;
        }

        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        if (value.Length is < MinLength or > MaxLength || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '~'))
        {
            return false;
        }

        key = value;
        return true;
    }
}

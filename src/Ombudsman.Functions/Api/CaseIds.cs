using System.Security.Cryptography;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Functions.Api;

/// <summary>
/// Case ids: office, filing date (office time) and 10 random base32 characters, e.g. "jkt-20260302-k3q9x7m2ab". Readable
/// on the phone, needing no counter, and never enough to act on a case: every case request also needs its token.
/// </summary>
internal static class CaseIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New(RegionalOffice office, DateTimeOffset filedAt)
    {
        var random = RandomNumberGenerator.GetString(Alphabet, 10);
        return $"{office.Code.ToLowerInvariant()}-{office.TimeZone.DateOf(filedAt):yyyyMMdd}-{random}";
    }

    public static string ReceiptNumberOf(string caseId) => caseId.ToUpperInvariant();

    /// <summary>The case id a receipt number names (any case, surrounding blanks ignored), or null when it cannot name one.</summary>
    public static string? CaseIdOf(string receiptNumber)
    {
        var id = receiptNumber.Trim().ToLowerInvariant();
        return id.Length is > 0 and <= 64 && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') ? id : null;
    }
}

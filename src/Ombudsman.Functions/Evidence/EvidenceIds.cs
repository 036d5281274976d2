using System.Security.Cryptography;
using System.Text;

namespace Ombudsman.Functions.Evidence;

/// <summary>
/// Evidence ids are made by the server and name their party: <c>c-</c> complainant, <c>s-</c> staff, <c>p-</c> provider,
/// then 32 hex digits. The party picks the one container a read looks in, so two parties can never hold the same id
/// and no upload can make another party's id serve its file. An upload key gives the same id on every retry by the
/// same party (so write-once refuses the second copy), and its text never appears in the id, where a provider could read it.
/// </summary>
internal static class EvidenceIds
{
    /// <summary>A fresh random id for a file of <paramref name="party"/>.</summary>
    public static string New(EvidenceParty party) => Prefix(party) + Guid.NewGuid().ToString("N");

    /// <summary>The id an upload key stands for: one per case, party and key.</summary>
    public static string ForUploadKey(string caseId, EvidenceParty party, string uploadKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{caseId}\n{party}\n{uploadKey}"));
        return Prefix(party) + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    /// <summary>The party an id belongs to, or null when the text is not an evidence id.</summary>
    public static EvidenceParty? PartyOf(string? evidenceId)
    {
        if (evidenceId is not { Length: 34 } || evidenceId[1] != '-' || !evidenceId.AsSpan(2).ContainsOnlyHexLowerDigits())
        {
            return null;
        }

        return evidenceId[0] switch
        {
            'c' => EvidenceParty.Complainant,
            's' => EvidenceParty.Staff,
            'p' => EvidenceParty.Provider,
            _ => null,
        };
    }

    private static string Prefix(EvidenceParty party) => party switch
    {
        EvidenceParty.Complainant => "c-",
        EvidenceParty.Staff => "s-",
        EvidenceParty.Provider => "p-",
        _ => throw new ArgumentOutOfRangeException(nameof(party), party, "unknown party"),
    };

    private static bool ContainsOnlyHexLowerDigits(this ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }
}

namespace Ombudsman.Functions.Evidence;

/// <summary>Settings of section "Evidence".</summary>
internal sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";

    /// <summary>Largest file accepted, in bytes (default 25 MiB).</summary>
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>The allow-list when <see cref="AllowedTypes"/> is not set.</summary>
    public static IReadOnlyList<string> DefaultAllowedTypes { get; } =
    [
        ContentSniffer.Pdf, ContentSniffer.Jpeg, ContentSniffer.Png, ContentSniffer.Docx, ContentSniffer.Mp4, ContentSniffer.Mp3,
        ContentSniffer.Ogg, ContentSniffer.Text,
    ];

    /// <summary>Media types accepted (e.g. Evidence:AllowedTypes:0=application/pdf), recognised by content (see <see cref="ContentSniffer"/>), not by name.</summary>
    public IList<string>? AllowedTypes { get; set; }

    /// <summary>The allow-list in force.</summary>
    public IReadOnlyList<string> EffectiveAllowedTypes => AllowedTypes is { Count: > 0 } types ? [.. types] : DefaultAllowedTypes;

    /// <summary>How long a download link (read-only SAS) stays valid.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Staged block size: the most of one upload held in memory at once.</summary>
    public int BlockBytes { get; set; } = 4 * 1024 * 1024;
}

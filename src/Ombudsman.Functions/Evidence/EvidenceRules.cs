namespace Ombudsman.Functions.Evidence;

/// <summary>
/// The rules <see cref="EvidenceStore.UploadAsync"/> applies to a file (size limit, allowed type recognised by content,
/// a name that agrees with the content), asked before anything is stored: a form that carries several files is refused
/// whole, with every file at fault named, instead of storing some and refusing others.
/// </summary>
internal static class EvidenceRules
{
    /// <summary>The refusal code <see cref="EvidenceStore.UploadAsync"/> would give the file, or null when it takes it.</summary>
    public static string? RefusalOf(EvidenceOptions options, string fileName, long length, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (length == 0 || head.IsEmpty)
        {
            return "evidence-empty";
        }

        if (length > options.MaxBytes)
        {
            return "evidence-too-large";
        }

        var safeName = EvidenceStore.SanitizeFileName(fileName);
        var contentType = ContentSniffer.Detect(head, safeName);
        return contentType is null
            || !options.EffectiveAllowedTypes.Contains(contentType, StringComparer.OrdinalIgnoreCase)
            || !ContentSniffer.NameAgrees(safeName, contentType)
            ? "evidence-type-not-allowed"
            : null;
    }

    /// <summary>The extensions of the allowed types, for a file input's accept list and the hint (e.g. ".pdf", ".jpg").</summary>
    public static IReadOnlyList<string> AllowedExtensions(EvidenceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return [.. options.EffectiveAllowedTypes.SelectMany(ContentSniffer.ExtensionsOf).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}

namespace Ombudsman.Functions.Evidence;

/// <summary>
/// Recognises a file's media type from its first bytes (magic numbers), and checks the name's extension agrees:
/// a ".pdf" whose bytes are a PNG is refused, whatever the client declared.
/// </summary>
internal static class ContentSniffer
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Mp4 = "video/mp4";
    public const string Mp3 = "audio/mpeg";
    public const string Ogg = "audio/ogg";
    public const string Text = "text/plain";

    /// <summary>Bytes read before deciding.</summary>
    public const int HeadLength = 8 * 1024;

    private static readonly Dictionary<string, string> ExtensionTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf,
        [".jpg"] = Jpeg,
        [".jpeg"] = Jpeg,
        [".png"] = Png,
        [".docx"] = Docx,
        [".mp4"] = Mp4,
        [".m4v"] = Mp4,
        [".mp3"] = Mp3,
        [".ogg"] = Ogg,
        [".oga"] = Ogg,
        [".txt"] = Text,
    };

    /// <summary>The media type the content shows, or null when it is none we recognise.</summary>
    public static string? Detect(ReadOnlySpan<byte> head, string fileName)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            // A DOCX is a ZIP; its part names ("word/...") usually show in the first entries. A ZIP without them is
            // taken as DOCX only when it is named so: any other ZIP (archives, executables' packages) is refused.
            return head.IndexOf("word/"u8) >= 0 || ExtensionOf(fileName) == ".docx" ? Docx : null;
        }

        if (head.Length >= 12 && head.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return Mp4;
        }

        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && ExtensionOf(fileName) == ".mp3"))
        {
            return Mp3;
        }

        if (head.StartsWith("OggS"u8))
        {
            return Ogg;
        }

        return IsText(head) && ExtensionOf(fileName) == ".txt" ? Text : null;
    }

    /// <summary>True when the name has no extension we know, or one that names <paramref name="mediaType"/>.</summary>
    public static bool NameAgrees(string fileName, string mediaType) =>
        !ExtensionTypes.TryGetValue(ExtensionOf(fileName), out var declared) || declared == mediaType;

    /// <summary>The file-name extensions that name <paramref name="mediaType"/> (e.g. ".jpg" and ".jpeg").</summary>
    public static IEnumerable<string> ExtensionsOf(string mediaType) =>
        ExtensionTypes.Where(e => string.Equals(e.Value, mediaType, StringComparison.OrdinalIgnoreCase)).Select(e => e.Key);

    private static string ExtensionOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant();

    private static bool IsText(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        // The head may end inside a multi-byte character: ignore up to three trailing bytes of it.
        for (var cut = 0; cut < 4 && cut < head.Length; cut++)
        {
            if (System.Text.Unicode.Utf8.IsValid(head[..(head.Length - cut)]))
            {
                return true;
            }
        }

        return head.Length == 0;
    }
}

using Ombudsman.Functions.Evidence;

namespace Ombudsman.Functions.Tests.Evidence;

/// <summary>Types are recognised by their content; the name only has to agree.</summary>
public sealed class ContentSnifferTests
{
    public static TheoryData<string, byte[], string?> Samples => new()
    {
        { "complaint.pdf", Files.Pdf(), ContentSniffer.Pdf },
        { "photo.png", Files.Png(), ContentSniffer.Png },
        { "photo.jpg", Files.Jpeg(), ContentSniffer.Jpeg },
        { "video.mp4", Files.Mp4(), ContentSniffer.Mp4 },
        { "letter.docx", Files.Docx(), ContentSniffer.Docx },
        { "letter", Files.Docx(), ContentSniffer.Docx },
        { "recording.mp3", [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0], ContentSniffer.Mp3 },
        { "recording.ogg", [.. "OggS"u8, 0, 2], ContentSniffer.Ogg },
        { "notes.txt", "Pelayanan terlambat 3 hari."u8.ToArray(), ContentSniffer.Text },
        { "notes.bin", "Pelayanan terlambat 3 hari."u8.ToArray(), null },
        { "archive.zip", Files.Zip(("readme.txt", "hello")), null },
        { "setup.exe", [.. "MZ"u8, 0x90, 0], null },
        { "page.html", "<html><script>alert(1)</script></html>"u8.ToArray(), null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_type_is_read_from_the_first_bytes(string name, byte[] content, string? expected) =>
        Assert.Equal(expected, ContentSniffer.Detect(content, name));

    [Theory]
    [InlineData("scan.pdf", ContentSniffer.Png, false)]
    [InlineData("scan.PNG", ContentSniffer.Png, true)]
    [InlineData("scan", ContentSniffer.Png, true)]
    [InlineData("scan.jpeg", ContentSniffer.Jpeg, true)]
    public void A_known_extension_must_name_the_type_the_content_shows(string name, string mediaType, bool agrees) =>
        Assert.Equal(agrees, ContentSniffer.NameAgrees(name, mediaType));

    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\sari\\bukti transfer.pdf", "bukti transfer.pdf")]
    [InlineData("surat\u0000\r\n.pdf", "surat___.pdf")]
    [InlineData("Keluhan – Dinas.pdf", "Keluhan _ Dinas.pdf")]
    [InlineData("...", "file")]
    [InlineData("", "file")]
    public void File_names_are_made_safe_for_headers_and_file_systems(string given, string expected) =>
        Assert.Equal(expected, EvidenceStore.SanitizeFileName(given));

    [Fact]
    public void A_very_long_name_keeps_its_extension() =>
        Assert.Equal(new string('a', 116) + ".pdf", EvidenceStore.SanitizeFileName(new string('a', 300) + ".pdf"));
}

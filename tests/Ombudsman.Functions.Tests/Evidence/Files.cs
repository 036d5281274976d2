using System.IO.Compression;
using System.Text;

namespace Ombudsman.Functions.Tests.Evidence;

/// <summary>Small files of each kind, built in memory.</summary>
internal static class Files
{
    public static byte[] Pdf(int padding = 200) =>
        [.. "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"u8, .. Enumerable.Repeat((byte)' ', padding), .. "\n%%EOF\n"u8];

    public static byte[] Png() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF"u8, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9];

    public static byte[] Mp4() => [0, 0, 0, 0x18, .. "ftypmp42"u8, 0, 0, 0, 0, .. "mp42isom"u8];

    public static byte[] Docx() => Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.NoCompression).Open(), Encoding.UTF8);
                writer.Write(content);
            }
        }

        return buffer.ToArray();
    }
}

using System.Text;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>A minimal reader of the .eml files we write: unfolded headers, RFC 2047 words, base64 parts.</summary>
internal sealed record EmlMessage(IReadOnlyDictionary<string, string> Headers, IReadOnlyList<(string ContentType, string Body)> Parts)
{
    public static EmlMessage Parse(string eml)
    {
        Assert.DoesNotContain("\n", eml.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = ParseHeaders(eml[..split]);
        var contentType = headers["Content-Type"];
        Assert.StartsWith("multipart/alternative; boundary=\"", contentType, StringComparison.Ordinal);
        var boundary = contentType.Split('"')[1];
        var body = eml[(split + 4)..];
        Assert.EndsWith($"--{boundary}--\r\n", body, StringComparison.Ordinal);
        var parts = new List<(string, string)>();
        foreach (var chunk in body.Split($"--{boundary}")[1..^1])
        {
            var partSplit = chunk.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var partHeaders = ParseHeaders(chunk[..partSplit].Trim('\r', '\n'));
            Assert.Equal("base64", partHeaders["Content-Transfer-Encoding"]);
            var lines = chunk[(partSplit + 4)..].Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.All(lines, l => Assert.True(l.Length <= 76));
            parts.Add((partHeaders["Content-Type"], Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(lines)))));
        }

        return new EmlMessage(headers, parts);
    }

    private static Dictionary<string, string> ParseHeaders(string block)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in block.Replace("\r\n ", " ", StringComparison.Ordinal).Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon]] = DecodeWords(line[(colon + 1)..].Trim());
        }

        return headers;
    }

    private static string DecodeWords(string value)
    {
        if (!value.Contains("=?utf-8?B?", StringComparison.Ordinal))
        {
            return value;
        }

        // RFC 2047: space between two encoded words is dropped; any other space is kept.
        var decoded = new StringBuilder();
        var previousEncoded = false;
        foreach (var word in value.Split(' '))
        {
            var encoded = word.StartsWith("=?utf-8?B?", StringComparison.Ordinal) && word.EndsWith("?=", StringComparison.Ordinal);
            if (decoded.Length > 0 && !(encoded && previousEncoded))
            {
                decoded.Append(' ');
            }

            decoded.Append(encoded ? Encoding.UTF8.GetString(Convert.FromBase64String(word[10..^2])) : word);
            previousEncoded = encoded;
        }

        return decoded.ToString();
    }
}

using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Ombudsman.Workflows.Notifications;

/// <summary>
/// One template file (<c>{id}.{lang}.txt</c>): a header (role, fields, subject) and a markdown-ish body of paragraphs,
/// "- " list items and <c>[label](url)</c> links with <c>{{Field}}</c> placeholders. The body is plain text, so the
/// HTML part is built by this class and only values are encoded into it.
/// </summary>
internal sealed partial class EmailTemplate
{
    /// <summary>Fields that identify the complainant; a provider template may never declare them (UU 25/2009 art. 42(5)).</summary>
    public static readonly IReadOnlySet<string> ComplainantIdentityFields =
        new HashSet<string>(StringComparer.Ordinal) { "ComplainantName", "ComplainantEmail", "ComplainantPhone", "ComplainantAddress" };

    private readonly IReadOnlyList<Inline> _subject;
    private readonly IReadOnlyList<Block> _body;

    private EmailTemplate(string id, Language language, RecipientRole role, IReadOnlyList<string> fields, IReadOnlyList<Inline> subject, IReadOnlyList<Block> body)
    {
        Id = id;
        Language = language;
        Role = role;
        Fields = fields;
        _subject = subject;
        _body = body;
    }

    public string Id { get; }

    public Language Language { get; }

    public RecipientRole Role { get; }

    /// <summary>The fields the template declares, in declaration order; rendering needs exactly these.</summary>
    public IReadOnlyList<string> Fields { get; }

    public static EmailTemplate Parse(string id, Language language, string source)
    {
        var name = $"{id}.{language.Code()}";
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var separator = Array.IndexOf(lines, "---");
        if (separator < 0)
        {
            throw new TemplateDefinitionException(name, "no '---' line between header and body");
        }

        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines[..separator])
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !header.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim()))
            {
                throw new TemplateDefinitionException(name, $"bad or repeated header line '{line}'");
            }
        }

        var role = Header(header, name, "role") switch
        {
            "complainant" => RecipientRole.Complainant,
            "provider" => RecipientRole.Provider,
            "staff" => RecipientRole.Staff,
            var other => throw new TemplateDefinitionException(name, $"unknown role '{other}'"),
        };
        var fields = Header(header, name, "fields").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (fields.Distinct(StringComparer.Ordinal).Count() != fields.Length)
        {
            throw new TemplateDefinitionException(name, "a field is declared twice");
        }

        if (role == RecipientRole.Provider && fields.FirstOrDefault(ComplainantIdentityFields.Contains) is { } identityField)
        {
            throw new TemplateDefinitionException(name, $"a provider template may not receive the complainant's identity ('{identityField}')");
        }

        var subject = ParseInline(name, Header(header, name, "subject"), allowLinks: false);
        var body = ParseBody(name, lines[(separator + 1)..]);

        var used = new HashSet<string>(StringComparer.Ordinal);
        CollectFields(subject, used);
        foreach (var block in body)
        {
            foreach (var line in block.Lines)
            {
                CollectFields(line, used);
            }
        }

        if (used.FirstOrDefault(f => !fields.Contains(f)) is { } undeclared)
        {
            throw new TemplateDefinitionException(name, $"placeholder {{{{{undeclared}}}}} is not declared in 'fields'");
        }

        if (fields.FirstOrDefault(f => !used.Contains(f)) is { } unused)
        {
            throw new TemplateDefinitionException(name, $"declared field '{unused}' is never used");
        }

        return new EmailTemplate(id, language, role, fields, subject, body);
    }

    /// <summary>Renders subject, plain text and HTML; throws <see cref="TemplateFieldException"/> on a missing or unknown field.</summary>
    public RenderedEmail Render(IReadOnlyDictionary<string, string> values)
    {
        foreach (var field in Fields)
        {
            if (!values.TryGetValue(field, out var value) || value is null)
            {
                throw new TemplateFieldException(Id, Language, field, TemplateFieldProblem.Missing);
            }
        }

        foreach (var key in values.Keys)
        {
            if (!Fields.Contains(key))
            {
                throw new TemplateFieldException(Id, Language, key, TemplateFieldProblem.Unknown);
            }
        }

        var subject = new StringBuilder();
        foreach (var inline in _subject)
        {
            subject.Append(inline is Inline.Field f ? values[f.Name] : ((Inline.Text)inline).Value);
        }

        // A line break in a header value would start a new header: subjects are single-line.
        var subjectText = string.Join(' ', subject.ToString().Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return new RenderedEmail
        {
            Subject = subjectText,
            TextBody = RenderText(values),
            HtmlBody = RenderHtml(subjectText, values),
        };
    }

    private string RenderText(IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder();
        foreach (var block in _body)
        {
            if (text.Length > 0)
            {
                text.Append('\n');
            }

            if (block.IsList)
            {
                foreach (var item in ListItems(block, values))
                {
                    text.Append("- ").Append(item is string s ? s : RenderTextLine((IReadOnlyList<Inline>)item, values)).Append('\n');
                }
            }
            else
            {
                foreach (var line in block.Lines)
                {
                    text.Append(RenderTextLine(line, values)).Append('\n');
                }
            }
        }

        text.Append("\n--\n").Append(Footer(Language)).Append('\n');
        return text.ToString();
    }

    private string RenderHtml(string subject, IReadOnlyDictionary<string, string> values)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(Language.Code()).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode(subject)).Append("</title>\n</head>\n")
            .Append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a\">\n");
        foreach (var block in _body)
        {
            if (block.IsList)
            {
                html.Append("<ul>\n");
                foreach (var item in ListItems(block, values))
                {
                    html.Append("<li>").Append(item is string s ? WebUtility.HtmlEncode(s) : RenderHtmlLine((IReadOnlyList<Inline>)item, values)).Append("</li>\n");
                }

                html.Append("</ul>\n");
            }
            else
            {
                html.Append("<p>").AppendJoin("<br>\n", block.Lines.Select(l => RenderHtmlLine(l, values))).Append("</p>\n");
            }
        }

        html.Append("<hr>\n<p style=\"font-size:12px;color:#666666\">").Append(WebUtility.HtmlEncode(Footer(Language))).Append("</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>An item that is only a placeholder whose value has several lines becomes one item per line (e.g. missing documents).</summary>
    private static IEnumerable<object> ListItems(Block block, IReadOnlyDictionary<string, string> values)
    {
        foreach (var line in block.Lines)
        {
            if (line is [Inline.Field only] && values[only.Name].Contains('\n', StringComparison.Ordinal))
            {
                foreach (var part in values[only.Name].Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    yield return part;
                }
            }
            else
            {
                yield return line;
            }
        }
    }

    private static string RenderTextLine(IReadOnlyList<Inline> line, IReadOnlyDictionary<string, string> values)
    {
        var text = new StringBuilder();
        foreach (var inline in line)
        {
            switch (inline)
            {
                case Inline.Text t:
                    text.Append(t.Value);
                    break;
                case Inline.Field f:
                    text.Append(values[f.Name]);
                    break;
                case Inline.Link l:
                    text.Append(RenderTextLine(l.Label, values)).Append(": ").Append(RenderTextLine(l.Href, values));
                    break;
            }
        }

        return text.ToString();
    }

    private string RenderHtmlLine(IReadOnlyList<Inline> line, IReadOnlyDictionary<string, string> values)
    {
        var html = new StringBuilder();
        foreach (var inline in line)
        {
            switch (inline)
            {
                case Inline.Text t:
                    html.Append(WebUtility.HtmlEncode(t.Value));
                    break;
                case Inline.Field f:
                    html.Append(WebUtility.HtmlEncode(values[f.Name]).Replace("\n", "<br>\n", StringComparison.Ordinal));
                    break;
                case Inline.Link l:
                    var href = RenderTextLine(l.Href, values);
                    if (!Uri.TryCreate(href, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                    {
                        var field = l.Href.OfType<Inline.Field>().FirstOrDefault()?.Name ?? href;
                        throw new TemplateFieldException(Id, Language, field, TemplateFieldProblem.InvalidLink);
                    }

                    html.Append("<a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">").Append(RenderHtmlLine(l.Label, values)).Append("</a>");
                    break;
            }
        }

        return html.ToString();
    }

    private static string Footer(Language language) => language switch
    {
        Language.English => "This email was sent automatically by the complaint-handling system of the Ombudsman of the Republic of Indonesia. Please do not reply to it.",
        _ => "Email ini dikirim otomatis oleh sistem penanganan pengaduan Ombudsman Republik Indonesia. Mohon tidak membalas email ini.",
    };

    private static string Header(Dictionary<string, string> header, string name, string key) =>
        header.TryGetValue(key, out var value) && value.Length > 0 ? value : throw new TemplateDefinitionException(name, $"header '{key}' is missing");

    private static List<Block> ParseBody(string name, string[] lines)
    {
        var blocks = new List<Block>();
        var current = new List<string>();
        foreach (var line in lines.Append(""))
        {
            if (line.Trim().Length > 0)
            {
                current.Add(line.TrimEnd());
                continue;
            }

            if (current.Count == 0)
            {
                continue;
            }

            var isList = current.All(l => l.StartsWith("- ", StringComparison.Ordinal));
            if (!isList && current.Any(l => l.StartsWith("- ", StringComparison.Ordinal)))
            {
                throw new TemplateDefinitionException(name, $"a block mixes list items and text: '{current[0]}'");
            }

            blocks.Add(new Block(isList, [.. current.Select(l => ParseInline(name, isList ? l[2..] : l, allowLinks: true))]));
            current.Clear();
        }

        return blocks.Count > 0 ? blocks : throw new TemplateDefinitionException(name, "the body is empty");
    }

    private static List<Inline> ParseInline(string name, string text, bool allowLinks)
    {
        var result = new List<Inline>();
        var position = 0;
        foreach (Match link in LinkPattern().Matches(text))
        {
            if (!allowLinks)
            {
                throw new TemplateDefinitionException(name, "links are not allowed in the subject");
            }

            result.AddRange(ParsePlaceholders(name, text[position..link.Index]));
            result.Add(new Inline.Link(ParsePlaceholders(name, link.Groups["label"].Value), ParsePlaceholders(name, link.Groups["href"].Value)));
            position = link.Index + link.Length;
        }

        result.AddRange(ParsePlaceholders(name, text[position..]));
        return result;
    }

    private static List<Inline> ParsePlaceholders(string name, string text)
    {
        var result = new List<Inline>();
        var position = 0;
        foreach (Match field in PlaceholderPattern().Matches(text))
        {
            result.Add(new Inline.Text(text[position..field.Index]));
            result.Add(new Inline.Field(field.Groups["name"].Value));
            position = field.Index + field.Length;
        }

        result.Add(new Inline.Text(text[position..]));
        foreach (var leftover in result.OfType<Inline.Text>())
        {
            if (leftover.Value.Contains("{{", StringComparison.Ordinal) || leftover.Value.Contains("}}", StringComparison.Ordinal))
            {
                throw new TemplateDefinitionException(name, $"malformed placeholder in '{text}'");
            }
        }

        return [.. result.Where(i => i is not Inline.Text { Value.Length: 0 })];
    }

    private static void CollectFields(IReadOnlyList<Inline> line, HashSet<string> used)
    {
        foreach (var inline in line)
        {
            switch (inline)
            {
                case Inline.Field f:
                    used.Add(f.Name);
                    break;
                case Inline.Link l:
                    CollectFields(l.Label, used);
                    CollectFields(l.Href, used);
                    break;
            }
        }
    }

    [GeneratedRegex(@"\{\{(?<name>[A-Za-z][A-Za-z0-9]*)\}\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"\[(?<label>[^\]]+)\]\((?<href>[^)\s]+)\)")]
    private static partial Regex LinkPattern();

    private sealed record Block(bool IsList, IReadOnlyList<IReadOnlyList<Inline>> Lines);

    private abstract record Inline
    {
        public sealed record Text(string Value) : Inline;

        public sealed record Field(string Name) : Inline;

        public sealed record Link(IReadOnlyList<Inline> Label, IReadOnlyList<Inline> Href) : Inline;
    }
}

using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>Every page text exists in both languages, and every text a page asks for exists.</summary>
public sealed partial class PageTextTests
{
    private static readonly string Resources = Path.Combine(RepositoryRoot.Path, "src", "Ombudsman.Web", "Resources");

    [Fact]
    public void Bahasa_Indonesia_and_English_have_the_same_texts_and_none_is_empty()
    {
        var indonesian = Texts("Text.resx");
        var english = Texts("Text.en.resx");

        Assert.Empty(indonesian.Keys.Except(english.Keys).Order());
        Assert.Empty(english.Keys.Except(indonesian.Keys).Order());
        Assert.Empty(indonesian.Concat(english).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
    }

    [Fact]
    public void Every_text_a_page_or_page_handler_names_is_in_the_resource_file()
    {
        var known = Texts("Text.resx").Keys.ToHashSet(StringComparer.Ordinal);
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", "Ombudsman.Web"), "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", "Ombudsman.Functions", "Pages"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var used = sources
            .SelectMany(f => TextKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !known.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    // T["Key"] in components, t["Key"] in handlers: literal keys only.
    [GeneratedRegex(@"\b[Tt]\[""([A-Za-z0-9_.]+)""\]")]
    private static partial Regex TextKey();
}

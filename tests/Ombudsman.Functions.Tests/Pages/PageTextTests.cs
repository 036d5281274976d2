using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Pages;

/// <summary>
/// Every page text exists in both languages, and every text a page or page handler asks for exists in the resource
/// file of the localizer it asks (<c>IStringLocalizer&lt;X&gt; name</c> reads <c>Resources/X.resx</c>).
/// </summary>
public sealed partial class PageTextTests
{
    private static readonly string Resources = Path.Combine(RepositoryRoot.Path, "src", "Ombudsman.Web", "Resources");

    public static TheoryData<string> ResourceNames() =>
        [.. Directory.EnumerateFiles(Resources, "*.resx").Select(Path.GetFileName).Where(f => f!.Count(c => c == '.') == 1).Select(f => Path.GetFileNameWithoutExtension(f)!)];

    [Theory]
    [MemberData(nameof(ResourceNames))]
    public void Bahasa_Indonesia_and_English_have_the_same_texts_and_none_is_empty(string resource)
    {
        var indonesian = Texts(resource + ".resx");
        var english = Texts(resource + ".en.resx");

        Assert.Empty(indonesian.Keys.Except(english.Keys).Order());
        Assert.Empty(english.Keys.Except(indonesian.Keys).Order());
        Assert.Empty(indonesian.Concat(english).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
    }

    [Fact]
    public void Every_text_a_page_or_page_handler_names_is_in_its_resource_file()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", "Ombudsman.Web"), "*.razor", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", "Ombudsman.Functions", "Pages"), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var missing = new List<string>();
        var checkedKeys = 0;
        foreach (var file in sources)
        {
            var source = File.ReadAllText(file);
            foreach (Match localizer in Localizer().Matches(source))
            {
                var (resource, name) = (localizer.Groups[1].Value, localizer.Groups[2].Value);
                var known = Texts(resource + ".resx").Keys.ToHashSet(StringComparer.Ordinal);
                foreach (Match key in Regex.Matches(source, $@"\b{Regex.Escape(name)}\[""([A-Za-z0-9_.]+)""\]"))
                {
                    checkedKeys++;
                    if (!known.Contains(key.Groups[1].Value))
                    {
                        missing.Add($"{Path.GetFileName(file)}: {resource}.{key.Groups[1].Value}");
                    }
                }
            }
        }

        Assert.True(checkedKeys > 0, "no text key found in any page");
        Assert.Empty(missing.Distinct());
    }

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    // "@inject IStringLocalizer<Text> T" in components, "IStringLocalizer<Text> t" parameters in handlers.
    [GeneratedRegex(@"IStringLocalizer<(\w+)>\s+(\w+)")]
    private static partial Regex Localizer();
}

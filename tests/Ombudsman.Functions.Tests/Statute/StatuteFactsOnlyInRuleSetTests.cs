using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Statute;

/// <summary>
/// Durations and citations of the statute are written once, in the rule set's data files, and every email and page
/// words them from the rule set a case pinned. This scans what the app shows and sends (texts, email templates, razor
/// markup, C# string literals; comments and documentation excluded) for an act or an article citation, a number of days
/// or a count of summonses written anywhere else, and for a list of rule ids or a choice between two rule ids in code,
/// which the rule set should answer instead.
/// </summary>
public sealed partial class StatuteFactsOnlyInRuleSetTests
{
    private static readonly string Source = Path.Combine(RepositoryRoot.Path, "src");

    /// <summary>
    /// Numbers of days that are not statute facts, each with why: counts the office chose for its own lists and
    /// reminders, and an example a person reads. Keyed by file name and the matched text.
    /// </summary>
    private static readonly HashSet<(string File, string Text)> NotStatuteFacts =
    [
        // The console's "due soon" list and its "new filings" list: how far the office looks ahead and back.
        ("ConsoleListText.resx", "3 hari kerja"), ("ConsoleListText.en.resx", "3 working days"),
        ("ConsoleListText.resx", "7 hari"), ("ConsoleListText.en.resx", "7 days"),
        // The staff digest's "due soon" section: the same look-ahead.
        ("staff-digest.id.txt", "3 hari"), ("staff-digest.en.txt", "3 days"),
        // Statistics bands of a case's age, chosen for the office's reports.
        ("ConsoleStatsText.resx", "14 hari"), ("ConsoleStatsText.resx", "30 hari"), ("ConsoleStatsText.resx", "60 hari"), ("ConsoleStatsText.resx", "90 hari"),
        ("ConsoleStatsText.en.resx", "14 days"), ("ConsoleStatsText.en.resx", "30 days"), ("ConsoleStatsText.en.resx", "60 days"), ("ConsoleStatsText.en.resx", "90 days"),
        // The longest period a statistics report covers.
        ("ConsoleStatsText.resx", "5 tahun"), ("ConsoleStatsText.en.resx", "5 years"),
        // An example of a remedy a complainant might ask for, in the filing form's hint.
        ("FilingText.resx", "7 hari"), ("FilingText.en.resx", "7 days"),
        // The staff API's default window for listing deadlines, in its OpenAPI summary.
        ("StaffEndpoints.cs", "30 days"),
    ];

    /// <summary>Words about summonses that count nothing: codes recorded in case histories, kept as they were written.</summary>
    private static readonly HashSet<(string File, string Text)> NotSummonsCounts =
    [
        // The timeline step of the flag, stored with every case that reached it.
        ("TimelineSteps.cs", "third-summons"),
    ];

    [Fact]
    public void No_text_template_markup_or_code_outside_the_rule_set_cites_an_act_or_article_or_states_a_number_of_days()
    {
        var found = new List<string>();
        foreach (var (file, line, text) in ShownTexts())
        {
            foreach (Match m in Citation().Matches(text))
            {
                found.Add($"{Relative(file)}:{line}: citation \"{m.Value}\"");
            }

            foreach (Match m in Act().Matches(text))
            {
                // A citation is reported above already; an act named on its own is reported here.
                if (!Citation().Matches(text).Any(c => c.Index == m.Index))
                {
                    found.Add($"{Relative(file)}:{line}: act \"{m.Value}\"");
                }
            }

            foreach (Match m in SummonsCount().Matches(text))
            {
                if (!NotSummonsCounts.Contains((Path.GetFileName(file), m.Value)))
                {
                    found.Add($"{Relative(file)}:{line}: count of summonses \"{m.Value}\"");
                }
            }

            foreach (Match m in Days().Matches(text))
            {
                if (!NotStatuteFacts.Contains((Path.GetFileName(file), m.Value)))
                {
                    found.Add($"{Relative(file)}:{line}: number of days \"{m.Value}\"");
                }
            }

            foreach (Match m in RuleIdList().Matches(text))
            {
                found.Add($"{Relative(file)}:{line}: list of rule ids {m.Value}");
            }
        }

        Assert.True(found.Count == 0, "Statute facts written outside the rule set (take them from the case's rule set):\n" + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_finds_a_citation_a_number_of_days_and_a_rule_id_list_where_they_are_written()
    {
        Assert.Matches(Citation(), "dianggap dicabut (UU 25/2009 pasal 45 ayat (3))");
        Assert.Matches(Citation(), "Receipt (UU 25/2009 art. 44).");
        Assert.Matches(Citation(), "(PO 58/2023 art. 54)");
        Assert.Matches(Days(), "dalam 14 hari sejak");
        Assert.Matches(Days(), "within 14 working days");
        Assert.DoesNotMatch(Days(), "{0} hari kerja");
        Assert.Matches(Act(), "Pengaduan berdasarkan UU 25/2009 tentang Pelayanan Publik");
        Assert.Matches(Act(), "Report to the Ombudsman (UU 37/2008)");
        Assert.Matches(Act(), "Complaints under Law 25/2009 on Public Services");
        Assert.Matches(Act(), "(Peraturan Ombudsman 58/2023 pasal 17)");
        Assert.Matches(Act(), "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik");
        Assert.DoesNotMatch(Act(), "Pengaduan kepada penyelenggara ({0})");
        Assert.Matches(SummonsCount(), "Third summons missed: the Ombudsman may ask the police");
        Assert.Matches(SummonsCount(), "setelah tiga kali panggilan tidak dipenuhi");
        Assert.Matches(SummonsCount(), "if (wf.Status.SummonsMissed >= 3 && !flagged)");
        Assert.DoesNotMatch(SummonsCount(), "if (wf.Status.SummonsMissed >= limit)");
        Assert.Matches(RuleIdList(), "[\"P8\", \"O5\"]");
        Assert.Matches(RuleIdList(), "private string CompletenessRule => ProviderPath ? \"P5\" : \"O4\";");
        Assert.Matches(RuleIdList(), "wf.IsProviderPath ? \"P6\" : \"O3\",");
        Assert.DoesNotMatch(RuleIdList(), "StartDeadlineAsync(\"P9\", \"decision-delivery\")");
        Assert.Contains(ShownTexts(), t => t.Text.Contains("{{ReceiptCitation}}", StringComparison.Ordinal));
        Assert.Contains(ShownTexts(), t => t.Text.Contains("\"P4\"", StringComparison.Ordinal));
        Assert.DoesNotContain(ShownTexts(), t => t.Text.TrimStart().StartsWith("/// <summary>", StringComparison.Ordinal));
    }

    /// <summary>Every text the app shows or sends, line by line: resource values, email templates, razor markup and C# without comments.</summary>
    private static IEnumerable<(string File, int Line, string Text)> ShownTexts()
    {
        foreach (var file in Files("*.resx"))
        {
            foreach (var value in XDocument.Load(file, LoadOptions.SetLineInfo).Root!.Elements("data"))
            {
                yield return (file, ((System.Xml.IXmlLineInfo)value).LineNumber, (string?)value.Element("value") ?? "");
            }
        }

        foreach (var file in Files("*.txt").Where(f => f.Contains($"{Path.DirectorySeparatorChar}Templates{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            foreach (var line in Lines(file, File.ReadAllText(file)))
            {
                yield return line;
            }
        }

        // Razor markup without its comments; its code blocks are C#, read as C# is below.
        var razor = Files("*.razor").Select(f => (File: f, Content: RazorComment().Replace(File.ReadAllText(f), m => new string('\n', m.Value.Count(c => c == '\n')))));
        foreach (var (file, content) in razor.Concat(Files("*.cs").Select(f => (File: f, Content: File.ReadAllText(f)))))
        {
            foreach (var (_, number, text) in Lines(file, content))
            {
                var trimmed = text.TrimStart();
                if (trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.StartsWith("*", StringComparison.Ordinal) || trimmed.StartsWith("/*", StringComparison.Ordinal))
                {
                    continue;
                }

                // A comment after code on the same line is a comment too.
                var comment = text.IndexOf(" // ", StringComparison.Ordinal);
                yield return (file, number, comment < 0 ? text : text[..comment]);
            }
        }
    }

    /// <summary>The source files of a kind, without build output and without the rule set's own data.</summary>
    private static IEnumerable<string> Files(string pattern) =>
        Directory.EnumerateFiles(Source, pattern, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"Statute{Path.DirectorySeparatorChar}Data{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static IEnumerable<(string File, int Line, string Text)> Lines(string file, string content) =>
        content.Split('\n').Select((text, i) => (file, i + 1, text));

    private static string Relative(string file) => Path.GetRelativePath(RepositoryRoot.Path, file);

    // "UU 25/2009 art. 44", "UU 37/2008 pasal 24", "PO 58/2023 art. 54": an article of an act or regulation.
    [GeneratedRegex(@"\b(UU|PO|PP|Perpres|Permen\w*) \d+/\d{4} (art\.|pasal|Pasal)")]
    private static partial Regex Citation();

    // "UU 25/2009", "PO 58/2023", "Law 25/2009", "Peraturan Ombudsman 58/2023", "UU Nomor 25 Tahun 2009": an act or
    // regulation, with or without an article.
    [GeneratedRegex(@"\b(UU|PO|PP|Perpres|Permen\w*|Law|Regulation|Ombudsman|Undang-Undang) \d+/\d{4}\b|\b(Nomor|No\.) \d+ (Tahun|of) \d{4}\b")]
    private static partial Regex Act();

    // "third summons", "three summonses", "tiga kali panggilan", "panggilan ketiga", "SummonsMissed >= 3": how many missed
    // summonses flag a forced appearance, which the rule set's O6 counts.
    [GeneratedRegex(@"(?i)\b(second|third|fourth|two|three|four|kedua|ketiga|keempat|dua|tiga|empat)\b[^""\n]{0,20}\b(summons\w*|panggilan|pemanggilan)|\b(summons|panggilan|pemanggilan)\b[^""\n]{0,20}\b(kedua|ketiga|keempat)\b|summons\w*\s*(>=|>|==)\s*\d")]
    private static partial Regex SummonsCount();

    // "14 hari", "30 hari kerja", "14 days", "14 working days", "2 years": a number of days or years written out. One is
    // left out: "1 tahun", "1 day" are the singular forms a duration is worded with, not a duration of the statute.
    [GeneratedRegex(@"(?<![\w{])(?!1\b)\d+ (hari( kerja| kalender)?|(calendar |working )?days?|tahun|years?)\b")]
    private static partial Regex Days();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    // ["P8", "O5"] or { "P5", "O4" }: rule ids listed in code, or path ? "P5" : "O4": a rule chosen between two in code;
    // a query over the rule set should answer either.
    [GeneratedRegex(@"""[PO]\d{1,2}A?""\s*[,:]\s*""[PO]\d{1,2}A?""")]
    private static partial Regex RuleIdList();
}

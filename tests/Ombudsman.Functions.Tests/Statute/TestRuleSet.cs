using System.Text.Json.Nodes;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.Statute;

/// <summary>
/// A made-up rule set for tests, loaded by the app like an administrator's extra rule set (Statute:DataDirectory, through
/// the same loader and validation as the shipped one): the shipped rules with other durations, citations, counts and,
/// for the steps whose rule the rule set names per path, other rule ids, in force from 1 January 2026, so a case filed
/// on the test clock pins it. Built from the shipped file so that a rule added there is here too. "UU 99/2099" and
/// "UU 98/2098" are no real acts: any "UU 25/2009" or "UU 37/2008" a case or page shows while it is in force was written
/// somewhere other than the rule set; a "P5", "P6", "O3" or "O4" it shows, or a forced appearance flagged at the third
/// missed summons, was chosen by code instead of by the rule set.
/// </summary>
internal sealed class TestRuleSet : IDisposable
{
    public const string Version = "2026.9-test";

    /// <summary>The receipt (P4), whose shipped citation is UU 25/2009 art. 44.</summary>
    public const string ReceiptCitation = "UU 99/2099 art. 1";

    /// <summary>The act the provider path's rules cite, which the footer and the path's labels name.</summary>
    public const string ProviderAct = "UU 99/2099";

    /// <summary>The act the Ombudsman path's rules cite first (O1).</summary>
    public const string OmbudsmanAct = "UU 98/2098";

    /// <summary>The written answer on completeness (shipped as P5, here T5): 21 days instead of 14.</summary>
    public const string CompletenessRule = "T5";

    /// <summary>The written answer on completeness (P5): 21 days instead of 14.</summary>
    public const string CompletenessCitation = "UU 99/2099 art. 2";

    public const int CompletenessDays = 21;

    /// <summary>The cure window (shipped as P6, here T6).</summary>
    public const string CureRule = "T6";

    /// <summary>The verification of a report (shipped as O4, here S4).</summary>
    public const string VerificationRule = "S4";

    /// <summary>Working days to verify a report (O4): 10 instead of 14.</summary>
    public const int VerificationDays = 10;

    /// <summary>The reporter's cure window (shipped as O3, here S3).</summary>
    public const string ReportCureRule = "S3";

    /// <summary>Missed summonses after which the Ombudsman may ask the police to bring the person (O6): 2 instead of 3.</summary>
    public const int SummonsCount = 2;

    /// <summary>The cure window (P6): 45 days instead of 30.</summary>
    public const string CureCitation = "UU 99/2099 art. 3";

    public const int CureDays = 45;

    /// <summary>The provider's decision (P8): 90 days instead of 60.</summary>
    public const string DecisionCitation = "UU 99/2099 art. 4";

    public const int DecisionDays = 90;

    /// <summary>The filing window (P1): 7 days instead of 30.</summary>
    public const int FilingWindowDays = 7;

    public const string ConfidentialityCitation = "UU 99/2099 art. 9";

    public const string RoutingCitation = "UU 99/2099 art. 8";

    private TestRuleSet(DirectoryInfo directory) => Directory = directory;

    /// <summary>The data directory to give the app as Statute:DataDirectory.</summary>
    public DirectoryInfo Directory { get; }

    /// <summary>The setting that makes the app load this rule set beside the shipped one.</summary>
    public string Setting => $"Statute:DataDirectory={Directory.FullName}";

    public static TestRuleSet Create()
    {
        var shipped = StatuteDataLoader.ShippedFiles().Single(f => f.Name.StartsWith("Statute/Data/rulesets/2025.1.json", StringComparison.Ordinal));
        var json = (JsonObject)JsonNode.Parse(shipped.Content)!;
        json["version"] = Version;
        json["effectiveFrom"] = "2026-01-01";
        json["description"] = "Made up for tests: other durations and citations than any real act.";
        foreach (var rule in json["rules"]!.AsArray().Select(r => r!.AsObject()))
        {
            rule["citation"] = OtherActs((string)rule["citation"]!);
        }

        Set(json, "P1", FilingWindowDays, null);
        Set(json, "P4", null, ReceiptCitation);
        Set(json, "P5", CompletenessDays, CompletenessCitation);
        Set(json, "P6", CureDays, CureCitation);
        Set(json, "P8", DecisionDays, DecisionCitation);
        Set(json, "O4", VerificationDays, null);
        Rule(json, "O6")["count"] = SummonsCount;
        Rule(json, "P5")["id"] = CompletenessRule;
        Rule(json, "P6")["id"] = CureRule;
        Rule(json, "O4")["id"] = VerificationRule;
        Rule(json, "O3")["id"] = ReportCureRule;
        json["provisions"] = new JsonObject
        {
            [StatuteProvisions.ComplainantConfidentiality] = ConfidentialityCitation,
            [StatuteProvisions.RoutingToSuperior] = RoutingCitation,
        };

        var directory = System.IO.Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ombudsman-test-ruleset-" + Guid.NewGuid().ToString("N")));
        var rulesets = directory.CreateSubdirectory("rulesets");
        File.WriteAllText(Path.Combine(rulesets.FullName, Version + ".json"), json.ToJsonString());

        // The same loader and validation the app runs: a broken test rule set fails here, naming its problem.
        StatuteDataLoader.Load(new StatuteOptions { DataDirectory = directory.FullName });
        return new TestRuleSet(directory);
    }

    public void Dispose() => Directory.Delete(recursive: true);

    private static string OtherActs(string citation) =>
        citation.Replace("UU 25/2009", "UU 99/2099", StringComparison.Ordinal).Replace("UU 37/2008", "UU 98/2098", StringComparison.Ordinal);

    private static JsonObject Rule(JsonObject ruleSet, string id) =>
        ruleSet["rules"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["id"] == id);

    private static void Set(JsonObject ruleSet, string id, int? days, string? citation)
    {
        var rule = Rule(ruleSet, id);
        if (days is { } amount)
        {
            rule["duration"]!["amount"] = amount;
        }

        if (citation is not null)
        {
            rule["citation"] = citation;
        }
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Tests.Statute;

/// <summary>Builders for statute tests: the shipped data, calculators with chosen settings, edited data files.</summary>
internal static class StatuteFixtures
{
    private static readonly Lazy<StatuteData> Shipped = new(() => StatuteDataLoader.Load(new StatuteOptions()));

    public static RuleSetCatalog Catalog => Shipped.Value.Catalog;

    public static LegalCalendar Calendar => Shipped.Value.Calendar;

    public static RuleSet ShippedRuleSet => Catalog.Get("2025.1");

    /// <summary>A calculator; provisional years are off unless asked for, so a missing year fails as it did before the setting.</summary>
    public static DeadlineCalculator Calculator(
        bool allowWeekendOnlyFallback = false, bool moveCalendarDeadlines = false, LegalCalendar? calendar = null, bool provisionalYears = false) =>
        new(calendar ?? Calendar, Options.Create(new StatuteOptions
        {
            AllowWeekendOnlyFallback = allowWeekendOnlyFallback,
            ProvisionalYears = provisionalYears,
            MoveCalendarDeadlinesToNextWorkingDay = moveCalendarDeadlines,
        }));

    public static OfficeTimeZone Zone(string code) => OfficeTimeZone.FromCode(code);

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    public static StatuteDataFile ShippedFile(string relativePath) =>
        StatuteDataLoader.ShippedFiles().Single(f => f.Name.StartsWith("Statute/Data/" + relativePath, StringComparison.Ordinal));

    /// <summary>The shipped rule set as a JSON tree, to edit into a new version or into invalid data.</summary>
    public static JsonObject ShippedRuleSetJson() => (JsonObject)JsonNode.Parse(ShippedFile("rulesets/2025.1.json").Content)!;

    public static JsonObject Rule(JsonObject ruleSet, string id) =>
        ruleSet["rules"]!.AsArray().Select(r => r!.AsObject()).Single(r => (string?)r["id"] == id);

    public static StatuteDataFile RuleSetFile(string name, JsonNode json) => new(name, StatuteFileKind.RuleSet, json.ToJsonString());

    public static StatuteDataFile HolidayFile(string name, string json) => new(name, StatuteFileKind.HolidayYear, json);

    /// <summary>Shipped files with some replaced or added; a replacement has the same kind and name.</summary>
    public static IEnumerable<StatuteDataFile> ShippedPlus(params StatuteDataFile[] extra) =>
        StatuteDataLoader.ShippedFiles().Concat(extra);

    public static StatuteDataException LoadFails(IEnumerable<StatuteDataFile> files) =>
        Assert.Throws<StatuteDataException>(() => StatuteDataLoader.Load(files));
}

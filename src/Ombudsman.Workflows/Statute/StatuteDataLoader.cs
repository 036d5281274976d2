using System.Text.Json;

namespace Ombudsman.Workflows.Statute;

/// <summary>
/// Loads the shipped statute data (embedded resources under Statute/Data/) and an optional extra directory,
/// validates all of it, and throws one <see cref="StatuteDataException"/> listing every problem.
/// </summary>
internal static class StatuteDataLoader
{
    private const string ResourcePrefix = "Statute/Data/";

    private static readonly Dictionary<string, ComplaintPath> Paths = new(StringComparer.Ordinal)
    {
        ["provider"] = ComplaintPath.Provider,
        ["ombudsman"] = ComplaintPath.Ombudsman,
    };

    private static readonly Dictionary<string, DurationUnit> Units = new(StringComparer.Ordinal)
    {
        ["days"] = DurationUnit.Days,
        ["years"] = DurationUnit.Years,
    };

    private static readonly Dictionary<string, DayType> DayTypes = new(StringComparer.Ordinal)
    {
        ["calendar"] = DayType.Calendar,
        ["working"] = DayType.Working,
    };

    private static readonly Dictionary<string, RuleBasis> Bases = new(StringComparer.Ordinal)
    {
        ["statutory"] = RuleBasis.Statutory,
        ["policy"] = RuleBasis.OfficePolicy,
    };

    private static readonly Dictionary<string, RuleParty> Parties = new(StringComparer.Ordinal)
    {
        ["provider"] = RuleParty.Provider,
        ["complainant"] = RuleParty.Complainant,
    };

    private static readonly Dictionary<string, HolidayKind> Kinds = new(StringComparer.Ordinal)
    {
        ["holiday"] = HolidayKind.NationalHoliday,
        ["collective-leave"] = HolidayKind.CollectiveLeave,
    };

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Loads the shipped files plus <see cref="StatuteOptions.DataDirectory"/>, if set.</summary>
    public static StatuteData Load(StatuteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<StatuteDataProblem>();
        var files = ShippedFiles().ToList();
        if (!string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            files.AddRange(DirectoryFiles(options.DataDirectory, problems));
        }

        return Load(files, problems);
    }

    /// <summary>The data files embedded in this assembly.</summary>
    public static IEnumerable<StatuteDataFile> ShippedFiles()
    {
        var assembly = typeof(StatuteDataLoader).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            var normalized = name.Replace('\\', '/');
            if (!normalized.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            var kind = KindOf(normalized[ResourcePrefix.Length..]);
            if (kind is null)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded resource {name} could not be opened.");
            using var reader = new StreamReader(stream);
            yield return new StatuteDataFile($"{normalized} (embedded)", kind.Value, reader.ReadToEnd());
        }
    }

    /// <summary>Parses and validates the given files; throws <see cref="StatuteDataException"/> on any problem.</summary>
    public static StatuteData Load(IEnumerable<StatuteDataFile> files, List<StatuteDataProblem>? problems = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        problems ??= [];
        var ruleSets = new List<RuleSet>();
        var years = new List<HolidayYear>();
        foreach (var file in files)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(file.Content, DocumentOptions);
            }
            catch (JsonException e)
            {
                problems.Add(Problem(file.Name, "file", "(whole file)", $"is not valid JSON at line {e.LineNumber + 1}: {e.Message}"));
                continue;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(Problem(file.Name, "file", "(whole file)", "must be a JSON object"));
                    continue;
                }

                if (file.Kind == StatuteFileKind.RuleSet)
                {
                    if (ParseRuleSet(document.RootElement, file.Name, problems) is { } ruleSet)
                    {
                        ruleSets.Add(ruleSet);
                    }
                }
                else if (ParseHolidayYear(document.RootElement, file.Name, problems) is { } year)
                {
                    years.Add(year);
                }
            }
        }

        CheckAcrossFiles(ruleSets, years, problems);
        if (problems.Count > 0)
        {
            throw new StatuteDataException(problems);
        }

        return new StatuteData(new RuleSetCatalog(ruleSets), new LegalCalendar(years));
    }

    private static IEnumerable<StatuteDataFile> DirectoryFiles(string directory, List<StatuteDataProblem> problems)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            problems.Add(Problem(root, "configuration", $"{StatuteOptions.SectionName}:{nameof(StatuteOptions.DataDirectory)}", "the directory does not exist"));
            yield break;
        }

        foreach (var (folder, kind) in new[] { ("rulesets", StatuteFileKind.RuleSet), ("holidays", StatuteFileKind.HolidayYear) })
        {
            var path = Path.Combine(root, folder);
            if (!Directory.Exists(path))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(path, "*.json").Order(StringComparer.Ordinal))
            {
                yield return new StatuteDataFile(file, kind, File.ReadAllText(file));
            }
        }
    }

    private static StatuteFileKind? KindOf(string relativePath) =>
        relativePath.StartsWith("rulesets/", StringComparison.Ordinal) ? StatuteFileKind.RuleSet
        : relativePath.StartsWith("holidays/", StringComparison.Ordinal) ? StatuteFileKind.HolidayYear
        : null;

    private static RuleSet? ParseRuleSet(JsonElement root, string file, List<StatuteDataProblem> problems)
    {
        var before = problems.Count;
        var reader = new JsonObjectReader(root, file, "rule set", "", problems);
        reader.RejectUnknownAndDuplicateFields("version", "effectiveFrom", "description", "provisions", "rules");
        var version = reader.RequiredString("version");
        if (version is not null)
        {
            reader.Subject = $"rule set {version}";
        }

        var effectiveFrom = reader.RequiredDate("effectiveFrom");
        var description = reader.OptionalString("description");
        var provisions = ParseProvisions(reader.Get("provisions"), reader.Subject, file, problems);
        var elements = reader.RequiredArray("rules");
        if (elements is { Count: 0 })
        {
            reader.Problem("rules", "must list at least one rule");
        }

        var rules = new List<StatuteRule>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (elements?.Count ?? 0); i++)
        {
            var rule = ParseRule(elements![i], i, version ?? "?", file, problems);
            if (rule is null)
            {
                continue;
            }

            if (!ids.Add(rule.Id))
            {
                problems.Add(Problem(file, $"rule {rule.Id}", $"rules[{i}].id", "the id is used by an earlier rule in this rule set"));
            }

            if (rule.Step is { } step && rules.FirstOrDefault(r => r.Path == rule.Path && r.Step == step) is { } earlier)
            {
                problems.Add(Problem(file, $"rule {rule.Id}", $"rules[{i}].step", $"rule {earlier.Id} of the same path already governs the step \"{step}\""));
            }

            rules.Add(rule);
        }

        return problems.Count > before || version is null || effectiveFrom is null
            ? null
            : new RuleSet { Version = version, EffectiveFrom = effectiveFrom.Value, Description = description, Source = file, Rules = rules, Provisions = provisions };
    }

    /// <summary>The optional <c>"provisions"</c>: provision name to citation, e.g. <c>"complainant-confidentiality": "UU 25/2009 art. 42(5)"</c>.</summary>
    private static Dictionary<string, string> ParseProvisions(JsonElement? element, string subject, string file, List<StatuteDataProblem> problems)
    {
        var provisions = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element is not { } value)
        {
            return provisions;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Problem(file, subject, "provisions", "must be an object of provision names to citations"));
            return provisions;
        }

        foreach (var property in value.EnumerateObject())
        {
            if (!IsKebabCase(property.Name))
            {
                problems.Add(Problem(file, subject, $"provisions.{property.Name}", "must be a lower-case name with hyphens, e.g. \"complainant-confidentiality\""));
            }
            else if (property.Value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(property.Value.GetString()))
            {
                problems.Add(Problem(file, subject, $"provisions.{property.Name}", "must be a citation (non-empty text, as a rule's \"citation\")"));
            }
            else if (!provisions.TryAdd(property.Name, property.Value.GetString()!.Trim()))
            {
                problems.Add(Problem(file, subject, $"provisions.{property.Name}", "is named twice"));
            }
        }

        return provisions;
    }

    private static StatuteRule? ParseRule(JsonElement element, int index, string version, string file, List<StatuteDataProblem> problems)
    {
        var prefix = $"rules[{index}].";
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Problem(file, $"rule #{index + 1}", $"rules[{index}]", "must be an object"));
            return null;
        }

        var before = problems.Count;
        var reader = new JsonObjectReader(element, file, $"rule #{index + 1}", prefix, problems);
        var id = reader.RequiredString("id");
        if (id is not null)
        {
            reader.Subject = $"rule {id}";
        }

        reader.RejectUnknownAndDuplicateFields(
            "id", "path", "name", "citation", "trigger", "clockStarts", "duration", "noDuration", "consequence", "basis", "answeredBy", "step", "count");
        var path = reader.RequiredChoice("path", Paths);
        var name = reader.RequiredString("name");
        var citation = reader.RequiredString("citation");
        var trigger = reader.RequiredString("trigger");
        var clockStarts = reader.RequiredString("clockStarts");
        var consequence = reader.RequiredString("consequence");
        var basis = reader.RequiredChoice("basis", Bases);
        var noDuration = reader.OptionalString("noDuration");
        var answeredBy = reader.Has("answeredBy") ? reader.RequiredChoice("answeredBy", Parties) : null;
        var step = reader.OptionalString("step");
        var count = reader.Has("count") ? reader.RequiredInt("count") : null;
        if (count is <= 0)
        {
            reader.Problem("count", $"must be positive, was {count}");
        }

        if (step is not null && !IsKebabCase(step))
        {
            reader.Problem("step", $"\"{step}\" must be a lower-case step name with hyphens, e.g. \"completeness-answer\"");
        }
        RuleDuration? duration = null;
        if (reader.Get("duration") is { } durationElement)
        {
            if (noDuration is not null)
            {
                reader.Problem("noDuration", "a rule has either a duration or a reason it has none, not both");
            }

            duration = ParseDuration(durationElement, reader.Subject, prefix + "duration.", file, problems);
        }
        else if (noDuration is null && !reader.Has("noDuration"))
        {
            reader.Problem("duration", "is missing (give \"noDuration\" with the reason when the rule has no time limit)");
        }

        if (trigger is not null && !IsKebabCase(trigger))
        {
            reader.Problem("trigger", $"\"{trigger}\" must be a lower-case event name with hyphens, e.g. \"complaint-received\"");
        }

        return problems.Count > before
            ? null
            : new StatuteRule
            {
                Id = id!,
                RuleSetVersion = version,
                Path = path!.Value,
                Name = name!,
                Citation = citation!,
                Trigger = trigger!,
                ClockStarts = clockStarts!,
                Duration = duration,
                NoDurationReason = noDuration,
                Consequence = consequence!,
                Basis = basis!.Value,
                AnsweredBy = answeredBy,
                Step = step,
                Count = count,
            };
    }

    private static RuleDuration? ParseDuration(JsonElement element, string subject, string prefix, string file, List<StatuteDataProblem> problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Problem(file, subject, prefix.TrimEnd('.'), "must be an object like { \"amount\": 14, \"unit\": \"days\", \"dayType\": \"calendar\" }"));
            return null;
        }

        var before = problems.Count;
        var reader = new JsonObjectReader(element, file, subject, prefix, problems);
        reader.RejectUnknownAndDuplicateFields("amount", "unit", "dayType");
        var amount = reader.RequiredInt("amount");
        var unit = reader.RequiredChoice("unit", Units);
        var dayType = reader.RequiredChoice("dayType", DayTypes);
        if (amount is <= 0)
        {
            reader.Problem("amount", $"must be positive, was {amount}");
        }

        if (unit == DurationUnit.Years && dayType == DayType.Working)
        {
            reader.Problem("dayType", "years are counted on the calendar; \"working\" applies to days only");
        }

        return problems.Count > before ? null : new RuleDuration { Amount = amount!.Value, Unit = unit!.Value, DayType = dayType!.Value };
    }

    private static HolidayYear? ParseHolidayYear(JsonElement root, string file, List<StatuteDataProblem> problems)
    {
        var before = problems.Count;
        var reader = new JsonObjectReader(root, file, "holiday year", "", problems);
        reader.RejectUnknownAndDuplicateFields("year", "decree", "days");
        var year = reader.RequiredInt("year");
        if (year is not null)
        {
            reader.Subject = $"holiday year {year}";
            if (year is < 2000 or > 2200)
            {
                reader.Problem("year", $"{year} is not a plausible year");
            }

            var stem = Path.GetFileNameWithoutExtension(file.Replace(" (embedded)", "", StringComparison.Ordinal));
            if (int.TryParse(stem, System.Globalization.CultureInfo.InvariantCulture, out var named) && named != year)
            {
                reader.Problem("year", $"{year} does not match the file name {stem}.json");
            }
        }

        var decree = reader.RequiredString("decree");
        var days = ParseDays(reader.RequiredArray("days") ?? [], year, file, problems);
        return problems.Count > before || year is null || decree is null
            ? null
            : new HolidayYear { Year = year.Value, Decree = decree, Source = file, Days = [.. days.OrderBy(d => d.Date)] };
    }

    /// <summary>
    /// Validates a year's calendar sent to the API for publication, exactly as a data file's days are validated:
    /// <c>{ "decreeNumber": "...", "decreeDate": "yyyy-MM-dd", "days": [ { "date", "kind", "name", "note" } ] }</c>
    /// (an optional <c>"year"</c> must be the year published). Returns null with every problem in <paramref name="problems"/>.
    /// </summary>
    public static HolidayYear? ParsePublishedYear(int year, JsonElement root, List<StatuteDataProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        const string file = "request";
        var before = problems.Count;
        if (root.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Problem(file, $"holiday year {year}", "(body)", "must be a JSON object"));
            return null;
        }

        var reader = new JsonObjectReader(root, file, $"holiday year {year}", "", problems);
        reader.RejectUnknownAndDuplicateFields("year", "decreeNumber", "decreeDate", "days");
        if (year is < 2000 or > 2200)
        {
            reader.Problem("year", $"{year} is not a plausible year");
        }

        if (reader.Has("year") && reader.RequiredInt("year") is { } named && named != year)
        {
            reader.Problem("year", $"{named} does not match the year in the address, {year}");
        }

        var number = reader.RequiredString("decreeNumber");
        var date = reader.RequiredDate("decreeDate");
        var days = ParseDays(reader.RequiredArray("days") ?? [], year, file, problems);
        return problems.Count > before || number is null || date is null
            ? null
            : new HolidayYear
            {
                Year = year,
                Decree = HolidayYear.Citation(number, date.Value),
                DecreeNumber = number,
                DecreeDate = date,
                Source = "published",
                Days = [.. days.OrderBy(d => d.Date)],
            };
    }

    private static List<Holiday> ParseDays(IReadOnlyList<JsonElement> elements, int? year, string file, List<StatuteDataProblem> problems)
    {
        var days = new List<Holiday>();
        var byDate = new Dictionary<DateOnly, int>();
        for (var i = 0; i < elements.Count; i++)
        {
            var prefix = $"days[{i}].";
            if (elements[i].ValueKind != JsonValueKind.Object)
            {
                problems.Add(Problem(file, $"day #{i + 1}", $"days[{i}]", "must be an object"));
                continue;
            }

            var dayReader = new JsonObjectReader(elements[i], file, $"day #{i + 1}", prefix, problems);
            dayReader.RejectUnknownAndDuplicateFields("date", "kind", "name", "note");
            var date = dayReader.RequiredDate("date");
            if (date is not null)
            {
                dayReader.Subject = $"day {date:yyyy-MM-dd}";
                if (year is not null && date.Value.Year != year)
                {
                    dayReader.Problem("date", $"{date:yyyy-MM-dd} is outside the file's year {year}");
                }

                if (byDate.TryGetValue(date.Value, out var earlier))
                {
                    dayReader.Problem("date", $"overlaps days[{earlier}]: a date is either a holiday or collective leave, once");
                }
                else
                {
                    byDate[date.Value] = i;
                }
            }

            var kind = dayReader.RequiredChoice("kind", Kinds);
            var name = dayReader.RequiredString("name");
            var note = dayReader.OptionalString("note");
            if (date is not null && kind is not null && name is not null)
            {
                days.Add(new Holiday { Date = date.Value, Kind = kind.Value, Name = name, Note = note });
            }
        }

        return days;
    }

    private static void CheckAcrossFiles(List<RuleSet> ruleSets, List<HolidayYear> years, List<StatuteDataProblem> problems)
    {
        foreach (var group in ruleSets.GroupBy(r => r.Version, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.Skip(1))
            {
                problems.Add(Problem(duplicate.Source, $"rule set {group.Key}", "version", $"version {group.Key} is also defined in {group.First().Source}"));
            }
        }

        foreach (var group in ruleSets.GroupBy(r => r.EffectiveFrom).Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.Skip(1))
            {
                problems.Add(Problem(
                    duplicate.Source,
                    $"rule set {duplicate.Version}",
                    "effectiveFrom",
                    $"{group.Key:yyyy-MM-dd} is also the effective date of {group.First().Version} ({group.First().Source}); versions must not overlap"));
            }
        }

        foreach (var group in years.GroupBy(y => y.Year).Where(g => g.Count() > 1))
        {
            foreach (var duplicate in group.Skip(1))
            {
                problems.Add(Problem(duplicate.Source, $"holiday year {group.Key}", "year", $"{group.Key} is also defined in {group.First().Source}; amend that file instead"));
            }
        }

        if (ruleSets.Count == 0 && problems.Count == 0)
        {
            problems.Add(Problem("(all statute data)", "rule sets", "rulesets/", "no rule set was loaded"));
        }
    }

    private static StatuteDataProblem Problem(string file, string subject, string field, string message) =>
        new() { File = file, Subject = subject, Field = field, Message = message };

    private static bool IsKebabCase(string text) =>
        text.Length > 0 && text[0] is >= 'a' and <= 'z' && text[^1] != '-'
        && text.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}

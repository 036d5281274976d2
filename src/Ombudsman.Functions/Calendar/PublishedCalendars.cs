using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Calendar;

/// <summary>
/// The holiday calendar versions administrators published (SKB 3 Menteri and its amendments), in an Azure table
/// (setting StorageNames:CalendarsTable, default "OmbudsmanCalendars"): one partition per year, one row per version
/// (1, 2, ...), never changed once written, so every version a deadline names can be read back.
/// </summary>
internal sealed class PublishedCalendars(TableServiceClient tables, PublishedCalendarOptions options)
{
    private const int MaxPublishAttempts = 5;

    private static readonly JsonSerializerOptions DayJson = new(JsonSerializerDefaults.Web);

    private TableClient Table => tables.GetTableClient(options.TableName);

    /// <summary>Raised in this process after a version is published, so its calendar is used at once here.</summary>
    public event Action? Published;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Every version published for <paramref name="year"/>, oldest first.</summary>
    public async Task<IReadOnlyList<HolidayYear>> VersionsAsync(int year, CancellationToken cancellationToken)
    {
        var versions = new List<HolidayYear>();
        var partition = Partition(year);
        try
        {
            await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, cancellationToken: cancellationToken))
            {
                versions.Add(ToYear(row));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet (a host whose start-up did not run, e.g. the Functions worker before it started): nothing published.
        }

        return [.. versions.OrderBy(v => v.Version)];
    }

    /// <summary>Every version of every year (a few rows a year): what the deadline engine lays over the data files.</summary>
    public async Task<IReadOnlyList<HolidayYear>> AllAsync(CancellationToken cancellationToken)
    {
        var versions = new List<HolidayYear>();
        try
        {
            await foreach (var row in Table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                versions.Add(ToYear(row));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet: nothing published, the data files alone.
        }

        return versions;
    }

    /// <summary>
    /// Stores <paramref name="calendar"/> as the year's next version. The version number is claimed by inserting its
    /// row, so two administrators publishing at once get two versions, never one overwritten.
    /// </summary>
    public async Task<HolidayYear> PublishAsync(HolidayYear calendar, string publishedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        for (var attempt = 1; ; attempt++)
        {
            var existing = await VersionsAsync(calendar.Year, cancellationToken);
            var version = calendar with
            {
                Version = existing.Count == 0 ? 1 : existing[^1].Version + 1,
                PublishedAt = at,
                PublishedBy = publishedBy,
            };
            version = version with { Source = $"published version {version.Version}" };
            try
            {
                await Table.AddEntityAsync(ToEntity(version), cancellationToken);
                Published?.Invoke();
                return version;
            }
            catch (RequestFailedException e) when (e.Status == 409 && attempt < MaxPublishAttempts)
            {
                // Another publication took this number first: take the next one.
            }
        }
    }

    /// <summary>
    /// The versions whose running cases may not all have been told yet (<see cref="MarkCasesToldAsync"/> not called),
    /// each with when it was stored by the table's clock.
    /// </summary>
    public async Task<IReadOnlyList<(HolidayYear Calendar, DateTimeOffset StoredAt)>> NotYetToldAsync(CancellationToken cancellationToken)
    {
        var pending = new List<(HolidayYear, DateTimeOffset)>();
        try
        {
            await foreach (var row in Table.QueryAsync<TableEntity>($"{CasesTold} eq false", cancellationToken: cancellationToken))
            {
                pending.Add((ToYear(row), row.Timestamp ?? DateTimeOffset.MinValue));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No table yet: nothing published.
        }

        return [.. pending.OrderBy(p => p.Item1.Year).ThenBy(p => p.Item1.Version)];
    }

    /// <summary>Every running case the version concerns has been told of it: later sweeps leave it alone.</summary>
    public async Task MarkCasesToldAsync(HolidayYear calendar, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        await Table.UpdateEntityAsync(
            new TableEntity(Partition(calendar.Year), Row(calendar.Version)) { [CasesTold] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    /// <summary>
    /// False when a version is stored, true once every running case it concerns was told: the stored row itself is the
    /// durable record that cases are still to be told, so a crash after publishing loses nothing.
    /// </summary>
    private const string CasesTold = "CasesTold";

    private static string Partition(int year) => year.ToString(CultureInfo.InvariantCulture);

    private static string Row(int version) => version.ToString("D4", CultureInfo.InvariantCulture);

    private static TableEntity ToEntity(HolidayYear year) => new(Partition(year.Year), Row(year.Version))
    {
        ["DecreeNumber"] = year.DecreeNumber,
        ["DecreeDate"] = year.DecreeDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["PublishedAt"] = year.PublishedAt,
        ["PublishedBy"] = year.PublishedBy,
        ["Days"] = JsonSerializer.Serialize(year.Days.Select(d => new StoredDay(d.Date, d.Kind, d.Name, d.Note)), DayJson),
        [CasesTold] = false,
    };

    private static HolidayYear ToYear(TableEntity row)
    {
        var number = row.GetString("DecreeNumber");
        var date = DateOnly.ParseExact(row.GetString("DecreeDate"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var version = int.Parse(row.RowKey, CultureInfo.InvariantCulture);
        var days = JsonSerializer.Deserialize<List<StoredDay>>(row.GetString("Days"), DayJson) ?? [];
        return new HolidayYear
        {
            Year = int.Parse(row.PartitionKey, CultureInfo.InvariantCulture),
            Version = version,
            Decree = HolidayYear.Citation(number, date),
            DecreeNumber = number,
            DecreeDate = date,
            PublishedAt = row.GetDateTimeOffset("PublishedAt"),
            PublishedBy = row.GetString("PublishedBy"),
            Source = $"published version {version}",
            Days = [.. days.Select(d => new Holiday { Date = d.Date, Kind = d.Kind, Name = d.Name, Note = d.Note }).OrderBy(d => d.Date)],
        };
    }

    private sealed record StoredDay(DateOnly Date, HolidayKind Kind, string Name, string? Note);
}

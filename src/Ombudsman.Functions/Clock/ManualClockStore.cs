using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace Ombudsman.Functions.Clock;

/// <summary>
/// Keeps the manual clock's time in a table row, one per task hub (the deadlines it drives belong to that hub), so a
/// restarted app resumes the time it was moved to. Without it a restart would put the clock back to its start or real
/// time: every deadline computed on the moved clock would suddenly look far away, or, when the start is later, fire at once.
/// </summary>
internal sealed class ManualClockStore(TableServiceClient tables, string tableName, string hubName)
{
    private const string RowKey = "manual-clock";
    private const string NowColumn = "Now";

    // One advance at a time: the stored time and the clock's move in the same order.
    private readonly SemaphoreSlim _advancing = new(1, 1);

    public string HubName => hubName;

    /// <summary>Moves the clock forward by <paramref name="by"/>, storing the new time first: if storage fails, the clock has not moved.</summary>
    public async Task<DateTimeOffset> AdvanceAsync(ManualClock clock, TimeSpan by, CancellationToken cancellationToken)
    {
        await _advancing.WaitAsync(cancellationToken);
        try
        {
            var to = clock.GetUtcNow() + by;
            await SaveAsync(to, cancellationToken);
            clock.MoveTo(to);
            return to;
        }
        finally
        {
            _advancing.Release();
        }
    }

    private TableClient Table => tables.GetTableClient(tableName);

    /// <summary>The time the clock was last moved to in this hub, or null when it never was.</summary>
    public async Task<DateTimeOffset?> LoadAsync(CancellationToken cancellationToken)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken);
        try
        {
            var row = await Table.GetEntityAsync<TableEntity>(hubName, RowKey, cancellationToken: cancellationToken);
            return DateTimeOffset.Parse(row.Value.GetString(NowColumn), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Records the clock's time; called before anything acts on the new time.</summary>
    public async Task SaveAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = new TableEntity(hubName, RowKey) { [NowColumn] = now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture) };
        await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
    }
}

using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Ombudsman.Workflows.Errors;

namespace Ombudsman.Functions.ProviderLimits;

/// <summary>
/// What a case's provider has handed in, counted against <see cref="ProviderLimitOptions"/>: one row per case in an
/// Azure table (setting StorageNames:ProviderAllowanceTable, default "OmbudsmanProviderAllowance"), changed only with
/// its ETag, so concurrent posts on any number of instances cannot together pass a bound. A post reserves its share
/// before it stores anything and gives back what it did not use; a refused post reserves nothing.
/// </summary>
internal sealed class ProviderAllowance(TableServiceClient tables, ProviderAllowanceTable table, IOptions<ProviderLimitOptions> options)
{
    private const string Row = "provider";
    private const int ConcurrencyAttempts = 20;

    private TableClient Table => tables.GetTableClient(table.Name);

    private ProviderLimitOptions Limits => options.Value;

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Takes one response out of the case's allowance, or refuses 409 <c>provider-response-limit</c>.</summary>
    public Task ReserveResponseAsync(string caseId, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, usage =>
        {
            if (usage.Responses >= Limits.MaxResponses)
            {
                throw new DomainException(
                    DomainErrorKind.Conflict,
                    "provider-response-limit",
                    $"The case has taken its {Limits.MaxResponses} provider responses; ask the office to add to an earlier one.",
                    "response");
            }

            return usage with { Responses = usage.Responses + 1 };
        }, cancellationToken);

    /// <summary>Gives back a reserved response that was not submitted.</summary>
    public Task ReleaseResponseAsync(string caseId, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, usage => usage with { Responses = Math.Max(0, usage.Responses - 1) }, cancellationToken);

    /// <summary>
    /// Takes one document and up to <paramref name="wantedBytes"/> (at most what is left) out of the allowance and
    /// returns the bytes reserved: the upload may not be larger. Refuses 409 <c>provider-documents-limit</c> when no
    /// document is left, 413 <c>provider-documents-size-limit</c> when no byte is left or the announced size is more.
    /// </summary>
    public async Task<long> ReserveDocumentAsync(string caseId, long wantedBytes, long? declaredBytes, CancellationToken cancellationToken)
    {
        long reserved = 0;
        await ChangeAsync(caseId, usage =>
        {
            if (usage.Documents >= Limits.MaxDocuments)
            {
                throw new DomainException(
                    DomainErrorKind.Conflict,
                    "provider-documents-limit",
                    $"The case has taken its {Limits.MaxDocuments} provider documents.",
                    "file");
            }

            var left = Limits.MaxDocumentBytes - usage.DocumentBytes;
            if (left <= 0 || declaredBytes > left)
            {
                throw SizeLimit(left);
            }

            reserved = Math.Min(wantedBytes, left);
            return usage with { Documents = usage.Documents + 1, DocumentBytes = usage.DocumentBytes + reserved };
        }, cancellationToken);
        return reserved;
    }

    /// <summary>The upload is stored: keep its real size, give back the rest of the reservation.</summary>
    public Task SettleDocumentAsync(string caseId, long reservedBytes, long storedBytes, CancellationToken cancellationToken) =>
        reservedBytes == storedBytes
            ? Task.CompletedTask
            : ChangeAsync(caseId, usage => usage with { DocumentBytes = Math.Max(0, usage.DocumentBytes - (reservedBytes - storedBytes)) }, cancellationToken);

    /// <summary>The upload stored nothing: give back the document and its bytes.</summary>
    public Task ReleaseDocumentAsync(string caseId, long reservedBytes, CancellationToken cancellationToken) =>
        ChangeAsync(
            caseId,
            usage => usage with { Documents = Math.Max(0, usage.Documents - 1), DocumentBytes = Math.Max(0, usage.DocumentBytes - reservedBytes) },
            cancellationToken);

    /// <summary>413 <c>provider-documents-size-limit</c>: what is left of the case's document bytes.</summary>
    public DomainException SizeLimit(long bytesLeft) => new(
        DomainErrorKind.TooLarge,
        "provider-documents-size-limit",
        $"The case's provider documents may total {Limits.MaxDocumentBytes} bytes; {Math.Max(0, bytesLeft)} are left.",
        "file");

    /// <summary>Reads the case's row, applies <paramref name="change"/> and writes it back if nobody wrote since; else again.</summary>
    private async Task ChangeAsync(string caseId, Func<ProviderUsage, ProviderUsage> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await Table.GetEntityIfExistsAsync<TableEntity>(caseId, Row, cancellationToken: cancellationToken);
            var usage = found.HasValue ? ProviderUsage.Of(found.Value!) : new ProviderUsage(0, 0, 0);
            var entity = change(usage).ToEntity(caseId, Row);
            try
            {
                if (found.HasValue)
                {
                    await Table.UpdateEntityAsync(entity, found.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await Table.AddEntityAsync(entity, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < ConcurrencyAttempts)
            {
                // Another post changed the row first: read it again and decide on what it says now.
            }
        }
    }

    private sealed record ProviderUsage(int Responses, int Documents, long DocumentBytes)
    {
        public static ProviderUsage Of(TableEntity entity) =>
            new(entity.GetInt32("Responses") ?? 0, entity.GetInt32("Documents") ?? 0, entity.GetInt64("DocumentBytes") ?? 0);

        public TableEntity ToEntity(string partition, string row) => new(partition, row)
        {
            ["Responses"] = Responses,
            ["Documents"] = Documents,
            ["DocumentBytes"] = DocumentBytes,
        };
    }
}

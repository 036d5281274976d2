using Azure;
using Azure.Data.Tables;

namespace Ombudsman.Functions.Access;

/// <summary>
/// Access tokens in an Azure table (setting StorageNames:AccessTokensTable, default "OmbudsmanAccessTokens"). A token row
/// is keyed by the token's hash (partition = hash), so a lookup is one point read; an index row per case
/// (partition "case-{caseId}") lets every token of a case be listed and revoked.
/// </summary>
internal sealed class AccessTokenStore(TableServiceClient tables, AccessTokenStoreOptions options)
{
    private const string TokenRow = "token";

    private TableClient Table => tables.GetTableClient(options.TableName);

    public Task EnsureCreatedAsync(CancellationToken cancellationToken) => Table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Stores a grant under a new token and returns the token (the only time it exists in clear).</summary>
    public async Task<string> IssueAsync(AccessGrant grant, CancellationToken cancellationToken)
    {
        var token = AccessToken.New();
        var hash = AccessToken.Hash(token);

        // Index first: a token row without its index could never be revoked.
        await Table.AddEntityAsync(new TableEntity(IndexPartition(grant.CaseId), IndexRow(grant.Party, hash)) { ["Hash"] = hash }, cancellationToken);
        try
        {
            await Table.AddEntityAsync(ToEntity(hash, grant), cancellationToken);
        }
        catch (Exception)
        {
            await Table.DeleteEntityAsync(IndexPartition(grant.CaseId), IndexRow(grant.Party, hash), ETag.All, CancellationToken.None);
            throw;
        }

        return token;
    }

    /// <summary>
    /// Removes one token (its row and its index row) whose grant was never handed out, e.g. a filing that did not
    /// complete; the case's other tokens, if the id turned out to be another case's, stay.
    /// </summary>
    public async Task DeleteAsync(string token, AccessGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var hash = AccessToken.Hash(token);
        await Table.DeleteEntityAsync(hash, TokenRow, ETag.All, cancellationToken);
        await Table.DeleteEntityAsync(IndexPartition(grant.CaseId), IndexRow(grant.Party, hash), ETag.All, cancellationToken);
    }

    /// <summary>The grant of a token, or null when unknown (expiry and revocation are the caller's to judge).</summary>
    public async Task<AccessGrant?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!AccessToken.IsWellFormed(token))
        {
            return null;
        }

        var found = await Table.GetEntityIfExistsAsync<TableEntity>(AccessToken.Hash(token), TokenRow, cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(found.Value!) : null;
    }

    /// <summary>Revokes every token of the party on the case; returns how many were still active.</summary>
    public Task<int> RevokeAsync(string caseId, AccessParty party, DateTimeOffset at, CancellationToken cancellationToken) =>
        RevokeAllButAsync(caseId, party, except: null, at, cancellationToken);

    /// <summary>Revokes every token of the party on the case but <paramref name="except"/>; returns how many were still active.</summary>
    public async Task<int> RevokeAllButAsync(string caseId, AccessParty party, string? except, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var revoked = 0;
        var prefix = $"{party}-";
        var kept = except is null ? null : AccessToken.Hash(except);
        await foreach (var index in Table.QueryAsync<TableEntity>(e => e.PartitionKey == IndexPartition(caseId), cancellationToken: cancellationToken))
        {
            var hash = index.GetString("Hash");
            if (index.RowKey.StartsWith(prefix, StringComparison.Ordinal) && hash != kept && await RevokeHashAsync(hash, at, cancellationToken))
            {
                revoked++;
            }
        }

        return revoked;
    }

    /// <summary>Revokes one token; true when it was still active.</summary>
    public Task<bool> RevokeTokenAsync(string token, DateTimeOffset at, CancellationToken cancellationToken) =>
        RevokeHashAsync(AccessToken.Hash(token), at, cancellationToken);

    private async Task<bool> RevokeHashAsync(string hash, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(hash, TokenRow, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value!.GetDateTimeOffset("RevokedAt") is not null)
        {
            return false;
        }

        row.Value["RevokedAt"] = at;
        await Table.UpdateEntityAsync(row.Value, row.Value.ETag, TableUpdateMode.Merge, cancellationToken);
        return true;
    }

    private static string IndexPartition(string caseId) => "case-" + caseId;

    private static string IndexRow(AccessParty party, string hash) => $"{party}-{hash}";

    private static TableEntity ToEntity(string hash, AccessGrant grant) => new(hash, TokenRow)
    {
        ["CaseId"] = grant.CaseId,
        ["Party"] = grant.Party.ToString(),
        ["IssuedAt"] = grant.IssuedAt,
        ["ExpiresAt"] = grant.ExpiresAt,
        ["RespondBy"] = grant.RespondBy,
    };

    private static AccessGrant FromEntity(TableEntity entity) => new()
    {
        CaseId = entity.GetString("CaseId"),
        Party = Enum.Parse<AccessParty>(entity.GetString("Party")),
        IssuedAt = entity.GetDateTimeOffset("IssuedAt") ?? DateTimeOffset.MinValue,
        ExpiresAt = entity.GetDateTimeOffset("ExpiresAt"),
        RespondBy = entity.GetDateTimeOffset("RespondBy"),
        RevokedAt = entity.GetDateTimeOffset("RevokedAt"),
    };
}

namespace Ombudsman.Functions.Access;

/// <summary>Where access tokens are kept: the table named by the setting StorageNames:AccessTokensTable.</summary>
internal sealed record AccessTokenStoreOptions
{
    public string TableName { get; init; } = "OmbudsmanAccessTokens";
}

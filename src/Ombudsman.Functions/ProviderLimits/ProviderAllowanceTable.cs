namespace Ombudsman.Functions.ProviderLimits;

/// <summary>Where provider allowances are counted: the table named by the setting StorageNames:ProviderAllowanceTable.</summary>
internal sealed record ProviderAllowanceTable
{
    public string Name { get; init; } = "OmbudsmanProviderAllowance";

    public static ProviderAllowanceTable From(IConfiguration configuration) =>
        configuration["StorageNames:ProviderAllowanceTable"] is { Length: > 0 } name ? new ProviderAllowanceTable { Name = name } : new ProviderAllowanceTable();
}

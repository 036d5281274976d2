using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace Ombudsman.Functions.ProviderLimits;

/// <summary>Registers the provider's bounds and rate limit; the settings are checked at start-up.</summary>
internal static class ProviderLimitsServiceCollectionExtensions
{
    public static IServiceCollection AddProviderLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProviderLimitOptions>().Bind(configuration.GetSection(ProviderLimitOptions.SectionName))
            .Validate(o => o.MaxResponses >= 1 && o.MaxDocuments >= 1 && o.MaxDocumentBytes >= 1, "Provider:MaxResponses, MaxDocuments and MaxDocumentBytes must be at least 1.")
            .Validate(o => o.PermitLimit >= 1 && o.WindowSeconds >= 1, "Provider:PermitLimit and WindowSeconds must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton(ProviderAllowanceTable.From(configuration));
        services.AddSingleton(sp => new ProviderAllowance(
            sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<ProviderAllowanceTable>(), sp.GetRequiredService<IOptions<ProviderLimitOptions>>()));
        services.AddHostedService<ProviderAllowanceInitializer>();
        services.AddSingleton<ProviderPostLimiter>();
        return services;
    }
}

using Azure.Data.Tables;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Functions.Disclosure;

/// <summary>Registers what staff disclose to a provider: the disclosure table, the provider's view of the files, the approved text for emails.</summary>
internal static class DisclosureServiceCollectionExtensions
{
    public static IServiceCollection AddProviderDisclosure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(StoreOptions(configuration));
        services.AddSingleton(sp => new DisclosureStore(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<DisclosureStoreOptions>()));
        services.AddHostedService<DisclosuresInitializer>();
        services.AddSingleton<ProviderFiles>();

        // Replaces the email side's default (no approvals), whichever is registered first.
        services.AddSingleton<IProviderComplaintText, ApprovedProviderComplaintText>();
        return services;
    }

    /// <summary>The disclosure table: setting StorageNames:DisclosuresTable (written by infra/bicep), else the default.</summary>
    public static DisclosureStoreOptions StoreOptions(IConfiguration configuration) =>
        configuration["StorageNames:DisclosuresTable"] is { Length: > 0 } name ? new DisclosureStoreOptions { TableName = name } : new DisclosureStoreOptions();
}

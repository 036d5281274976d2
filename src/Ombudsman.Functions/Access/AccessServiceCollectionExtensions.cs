using Azure.Data.Tables;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Disclosure;
using Ombudsman.Functions.Evidence;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.Access;

/// <summary>Registers the complainant and provider side: token store, provider links, the token-based evidence access, and what staff disclose to the provider.</summary>
internal static class AccessServiceCollectionExtensions
{
    /// <summary>Call before AddEvidence: the token-based <see cref="ICaseAccess"/> replaces the development/none default.</summary>
    public static IServiceCollection AddPublicCaseApi(this IServiceCollection services, IConfiguration configuration, bool developmentAccess)
    {
        services.AddSingleton(TokenStoreOptions(configuration));
        services.AddSingleton(sp => new AccessTokenStore(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<AccessTokenStoreOptions>()));
        services.AddHostedService<AccessTokensInitializer>();
        services.AddOptions<ProviderLinkOptions>().Bind(configuration.GetSection(ProviderLinkOptions.SectionName))
            .Validate(o => o.Grace >= TimeSpan.Zero, "ProviderLinks:Grace must not be negative.")
            .ValidateOnStart();
        services.AddOptions<ComplainantAccessOptions>().Bind(configuration.GetSection(ComplainantAccessOptions.SectionName))
            .Validate(o => o.ComplainantTokenLifetimeAfterClose >= TimeSpan.Zero, "Access:ComplainantTokenLifetimeAfterClose must not be negative.")
            .Validate(o => o.TrackingLinkResendInterval > TimeSpan.Zero, "Access:TrackingLinkResendInterval must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ComplainantTokenExpiry>();
        services.AddSingleton<CallerAccess>();
        services.AddSingleton<TrackingLinkResender>();
        services.AddSingleton<ProviderPageAddress>();
        services.AddSingleton<ProviderLinks>();
        services.AddSingleton<ProviderLinkMailer>();
        services.AddScoped<ProviderResponses>();
        services.AddSingleton<CaseReader>();
        services.AddScoped<ComplainantActions>();
        services.AddSingleton<CaseIdSource>();
        services.AddScoped<ComplaintFiling>();
        services.AddSingleton<ICaseAccess>(sp => new TokenCaseAccess(
            sp.GetRequiredService<AccessTokenStore>(),
            sp.GetRequiredService<CaseReadModel>(),
            sp.GetRequiredService<ComplainantTokenExpiry>(),
            sp.GetRequiredService<TimeProvider>(),
            developmentAccess ? new DevelopmentCaseAccess() : null));
        services.AddOptions<ReceiptOptions>().Bind(configuration.GetSection(ReceiptOptions.SectionName));
        services.AddProviderDisclosure(configuration);
        return services;
    }

    /// <summary>The access-token table: setting StorageNames:AccessTokensTable (written by infra/bicep), else the default.</summary>
    public static AccessTokenStoreOptions TokenStoreOptions(IConfiguration configuration) =>
        configuration["StorageNames:AccessTokensTable"] is { Length: > 0 } name ? new AccessTokenStoreOptions { TableName = name } : new AccessTokenStoreOptions();
}

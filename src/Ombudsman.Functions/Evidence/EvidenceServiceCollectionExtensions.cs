using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ombudsman.Functions.Evidence;

/// <summary>Registers the evidence store (on the app's BlobServiceClient), its settings, and the access hook.</summary>
internal static class EvidenceServiceCollectionExtensions
{
    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration, bool developmentAccess)
    {
        services.AddOptions<EvidenceOptions>().Bind(configuration.GetSection(EvidenceOptions.SectionName))
            .Validate(o => o.MaxBytes > 0, "Evidence:MaxBytes must be positive.")
            .Validate(o => o.BlockBytes is > 0 and <= 100 * 1024 * 1024, "Evidence:BlockBytes must be between 1 byte and 100 MiB.")
            .ValidateOnStart();
        services.TryAddSingleton(configuration.GetSection("StorageNames").Get<EvidenceStorageNames>() ?? new EvidenceStorageNames());
        services.TryAddSingleton(sp => new EvidenceStore(
            sp.GetRequiredService<BlobServiceClient>(),
            sp.GetRequiredService<EvidenceStorageNames>(),
            sp.GetRequiredService<IOptions<EvidenceOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<EvidenceContainersInitializer>();
        if (developmentAccess)
        {
            services.TryAddSingleton<ICaseAccess, DevelopmentCaseAccess>();
        }
        else
        {
            services.TryAddSingleton<ICaseAccess, NoCaseAccess>();
        }

        return services;
    }
}

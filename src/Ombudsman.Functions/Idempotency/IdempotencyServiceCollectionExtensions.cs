using Azure.Data.Tables;

namespace Ombudsman.Functions.Idempotency;

/// <summary>Registers the idempotency-key records and creates their table at start-up.</summary>
internal static class IdempotencyServiceCollectionExtensions
{
    public static IServiceCollection AddIdempotencyKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var options = OptionsOf(configuration);
        if (options.Lifetime <= TimeSpan.Zero || options.InFlightLease <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("Idempotency:Lifetime and Idempotency:InFlightLease must be positive.");
        }

        services.AddSingleton(options);

        // Real time, not the app's clock: a manual clock stands still in development, and a key's lease must still lapse.
        services.AddSingleton(sp => new IdempotencyRecords(sp.GetRequiredService<TableServiceClient>(), options, TimeProvider.System));
        services.AddHostedService<IdempotencyKeysInitializer>();
        return services;
    }

    /// <summary>Section "Idempotency" (Lifetime, InFlightLease) and the table named by StorageNames:IdempotencyKeysTable.</summary>
    public static IdempotencyOptions OptionsOf(IConfiguration configuration)
    {
        var options = configuration.GetSection(IdempotencyOptions.SectionName).Get<IdempotencyOptions>() ?? new IdempotencyOptions();
        return configuration["StorageNames:IdempotencyKeysTable"] is { Length: > 0 } table ? options with { TableName = table } : options;
    }
}

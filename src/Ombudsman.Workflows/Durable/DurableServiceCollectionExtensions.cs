using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ombudsman.Workflows.Durable.Dispatch;
using Ombudsman.Workflows.Durable.Storage;
using Ombudsman.Workflows.Durable.Storage.Azure;
using Ombudsman.Workflows.Durable.Storage.InMemory;

namespace Ombudsman.Workflows.Durable;

/// <summary>Registers the durable runtime: registry, engine, client, and a storage set.</summary>
public static class DurableServiceCollectionExtensions
{
    /// <summary>Adds the runtime; call one of the storage methods too, and <see cref="AddDurableWorker"/> for the standalone pumps.</summary>
    public static IServiceCollection AddDurableRuntime(this IServiceCollection services, Action<DurableRegistry> register, Action<DurableOptions>? configure = null)
    {
        var registry = new DurableRegistry();
        register(registry);
        services.AddSingleton(registry);
        services.AddOptions<DurableOptions>().Configure(o => configure?.Invoke(o));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<DurableEngine>();
        services.TryAddSingleton(sp => new DurableClient(sp.GetRequiredService<DurableEngine>()));
        services.TryAddSingleton(sp => new DurableDriver(sp.GetRequiredService<DurableEngine>()));
        services.TryAddSingleton(sp => new DurableDispatcher(sp.GetRequiredService<DurableEngine>()));
        return services;
    }

    public static IServiceCollection AddInMemoryDurableStorage(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => InMemoryDurableStorage.Create(sp.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>
    /// Azure Storage for the runtime. The clients are registered too (queues with Base64 messages), built from a
    /// connection string here or supplied by the caller (e.g. managed identity in Azure). Resources are created at start-up.
    /// </summary>
    public static IServiceCollection AddAzureDurableStorage(this IServiceCollection services, string connectionString, AzureStorageNames? names = null) =>
        services.AddAzureDurableStorage(
            new TableServiceClient(connectionString),
            new QueueServiceClient(connectionString, AzureDurableStorage.Options(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, null)),
            new BlobServiceClient(connectionString),
            names);

    public static IServiceCollection AddAzureDurableStorage(
        this IServiceCollection services, TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, AzureStorageNames? names = null)
    {
        names ??= new AzureStorageNames();
        services.TryAddSingleton(tables);
        services.TryAddSingleton(queues);
        services.TryAddSingleton(blobs);
        services.TryAddSingleton(names);
        services.TryAddSingleton(AzureDurableStorage.Create(tables, queues, blobs, names));
        services.AddHostedService(sp => new AzureStorageInitializer(tables, queues, blobs, names));
        return services;
    }

    /// <summary>The built-in queue pumps and deadline sweeper (standalone mode; not with the Functions host).</summary>
    public static IServiceCollection AddDurableWorker(this IServiceCollection services)
    {
        services.AddHostedService<DurableWorker>();
        return services;
    }
}

using System.Net.Http;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Ombudsman.Workflows.Notifications;

/// <summary>Registers email delivery: SendGrid when Email:SendGridApiKey is set, the .eml pickup directory otherwise.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>
    /// Adds <c>INotificationSender</c> and the staff digest. Send records go to the storage account of
    /// Email:StorageConnectionString or ConnectionStrings:Storage (in memory when neither is set, for local runs).
    /// The staff digest also needs an <c>IOpenDeadlineSource</c>, which AddCaseEmail registers.
    /// </summary>
    public static IServiceCollection AddEmailNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var options = EmailOptions.FromConfiguration(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<TemplateCatalog>();
        services.TryAddSingleton<IRetryWaiter, TimeProviderRetryWaiter>();

        if (options.StorageConnectionString is { } storage)
        {
            services.AddSingleton<ISendRecordStore>(_ => new TableSendRecordStore(new TableClient(storage, options.SendRecordsTable)));
        }
        else
        {
            services.AddSingleton<ISendRecordStore, InMemorySendRecordStore>();
        }

        if (options.SendGridApiKey is not null)
        {
            services.AddSingleton<IEmailTransport>(provider =>
            {
                // One long-lived client; pooled connections are recycled so DNS changes are picked up.
                var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = options.RequestTimeout };
                return new SendGridTransport(
                    SendGridTransport.CreateClient(http, options),
                    options,
                    provider.GetRequiredService<IRetryWaiter>(),
                    provider.GetRequiredService<TimeProvider>(),
                    provider.GetRequiredService<ILogger<SendGridTransport>>());
            });
        }
        else
        {
            services.AddSingleton<IEmailTransport>(provider => new PickupDirectoryTransport(options, provider.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton<INotificationSender, NotificationSender>();
        services.AddSingleton<StaffDigestService>();
        return services;
    }
}

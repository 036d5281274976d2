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
    /// Adds <c>INotificationSender</c> and the staff digest. Send records go to table Email:SendRecordsTable of the
    /// app's storage account: the <see cref="TableServiceClient"/> the host registers, whether it signs in with a
    /// connection string (Azurite) or the managed identity (Azure). There is no in-memory fallback: records kept per
    /// process would let every host mail the same notification once. The staff digest also needs an
    /// <c>IOpenDeadlineSource</c>, which AddCaseEmail registers.
    /// </summary>
    public static IServiceCollection AddEmailNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        var options = EmailOptions.FromConfiguration(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<TemplateCatalog>();
        services.TryAddSingleton<IRetryWaiter, TimeProviderRetryWaiter>();

        services.AddSingleton<ISendRecordStore>(provider => new TableSendRecordStore(
            (provider.GetService<TableServiceClient>() ?? throw new InvalidOperationException(
                "Email send records need the app's storage account: register a TableServiceClient (ConnectionStrings:Storage, or Storage:tableServiceUri with the managed identity)."))
            .GetTableClient(options.SendRecordsTable)));

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
        services.AddHostedService<EmailDeliveryStartupLog>();
        services.AddSingleton<StaffDigestService>();
        return services;
    }
}

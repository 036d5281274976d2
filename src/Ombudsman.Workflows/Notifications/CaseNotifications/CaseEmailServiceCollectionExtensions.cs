using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Notifications;

/// <summary>Joins the case workflows to email: the case notifier, the office list and the addresses behind it.</summary>
public static class CaseEmailServiceCollectionExtensions
{
    /// <summary>
    /// Adds email delivery (<see cref="EmailServiceCollectionExtensions.AddEmailNotifications"/>) and an
    /// <see cref="ICaseNotifier"/> that mails every case notification. Reads "Email" (links, delivery) and
    /// "Offices" (staff mailboxes, time zones). The send records then are the notification ledger. Call it after
    /// the durable storage is registered: it adds a hosted service that starts each office's digest loop.
    /// </summary>
    public static IServiceCollection AddCaseEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddEmailNotifications(configuration);
        services.AddSingleton(CaseEmailOptions.FromConfiguration(configuration));
        services.AddSingleton(OfficeDirectory.FromConfiguration(configuration));
        services.AddSingleton<CaseEmailFields>();
        services.TryAddSingleton<ICaseContacts, DurableCaseContacts>();
        services.TryAddSingleton<IOpenDeadlineSource, DeadlineIndexOpenDeadlineSource>();
        services.AddSingleton<ICaseNotifier, EmailCaseNotifier>();

        // Starts each office's morning digest loop; the runtime needs AddStaffDigest() in its registry.
        services.AddHostedService<StaffDigestStarter>();

        // Replaces AddCaseWorkflows' in-process default whichever is registered first.
        services.Replace(ServiceDescriptor.Singleton<ICaseNotificationLedger, SendRecordCaseNotificationLedger>());
        return services;
    }
}

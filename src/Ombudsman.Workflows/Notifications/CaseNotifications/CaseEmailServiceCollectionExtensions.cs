using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Offices;

namespace Ombudsman.Workflows.Notifications;

/// <summary>Joins the case workflows to email: the case notifier, the office list and the addresses behind it.</summary>
public static class CaseEmailServiceCollectionExtensions
{
    /// <summary>
    /// Adds email delivery (<see cref="EmailServiceCollectionExtensions.AddEmailNotifications"/>) and an
    /// <see cref="ICaseNotifier"/> that mails every case notification. Reads "Email" (links, delivery); the offices
    /// (staff mailboxes, time zones) are the host's one <see cref="OfficeDirectory"/>, which filing uses too. The send
    /// records then are the notification ledger. Complaints and open deadlines come from the case read model, and the
    /// send records from the app's storage account, both of which the host registers.
    /// </summary>
    internal static IServiceCollection AddCaseEmail(this IServiceCollection services, IConfiguration configuration, OfficeDirectory offices)
    {
        services.AddEmailNotifications(configuration);
        services.AddSingleton(CaseEmailOptions.FromConfiguration(configuration));
        services.AddSingleton(offices);
        services.AddSingleton<CaseEmailFields>();
        services.TryAddSingleton<ICaseContacts, ReadModelCaseContacts>();
        services.TryAddSingleton<IOpenDeadlineSource, ReadModelOpenDeadlineSource>();
        services.TryAddSingleton<IProviderComplaintText, NoApprovedComplaintText>();
        services.AddSingleton<ICaseNotifier, EmailCaseNotifier>();

        services.AddSingleton(sp => new StaffDigests(sp.GetRequiredService<StaffDigestService>(), sp.GetRequiredService<OfficeDirectory>()));
        // Replaces AddCaseWorkflows' in-process default whichever is registered first.
        services.Replace(ServiceDescriptor.Singleton<ICaseNotificationLedger, SendRecordCaseNotificationLedger>());
        return services;
    }
}

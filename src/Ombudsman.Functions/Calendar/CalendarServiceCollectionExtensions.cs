using Azure.Data.Tables;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Calendar;

/// <summary>Registers the published holiday calendars and makes the deadline engine count with them.</summary>
internal static class CalendarServiceCollectionExtensions
{
    public static IServiceCollection AddPublishedCalendars(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(StoreOptions(configuration));
        services.AddSingleton(sp => new PublishedCalendars(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<PublishedCalendarOptions>()));
        services.AddHostedService<PublishedCalendarsInitializer>();
        services.AddSingleton<CalendarAmendmentDelivery>();

        // Replaces the data-files-only source AddStatute registers: activities in this process (and the worker in Azure) count with published versions.
        services.AddSingleton<PublishedCalendarSource>();
        services.AddSingleton<ILegalCalendarSource>(sp => sp.GetRequiredService<PublishedCalendarSource>());
        return services;
    }

    /// <summary>The calendars table: setting StorageNames:CalendarsTable (written by infra/bicep), else the default.</summary>
    public static PublishedCalendarOptions StoreOptions(IConfiguration configuration) =>
        configuration["StorageNames:CalendarsTable"] is { Length: > 0 } name ? new PublishedCalendarOptions { TableName = name } : new PublishedCalendarOptions();
}

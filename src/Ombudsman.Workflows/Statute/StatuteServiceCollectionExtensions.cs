using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Ombudsman.Workflows.Statute;

/// <summary>Registers the statute rules, the legal calendar and the deadline services.</summary>
public static class StatuteServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="RuleSetCatalog"/>, <see cref="LegalCalendar"/>, <see cref="DeadlineCalculator"/>,
    /// <see cref="FilingWindow"/> and <see cref="ReportLimit"/>; the data is loaded and validated when the host starts
    /// and invalid data fails start-up with a <see cref="StatuteDataException"/>.
    /// </summary>
    public static IServiceCollection AddStatute(this IServiceCollection services, Action<StatuteOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<StatuteOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options
            .Validate(o => o.SuspensionAlertDays > 0, $"{StatuteOptions.SectionName}:{nameof(StatuteOptions.SuspensionAlertDays)} must be a positive number of days.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => StatuteDataLoader.Load(sp.GetRequiredService<IOptions<StatuteOptions>>().Value));
        services.TryAddSingleton(sp => sp.GetRequiredService<StatuteData>().Catalog);
        services.TryAddSingleton(sp => sp.GetRequiredService<StatuteData>().Calendar);
        services.TryAddSingleton<ILegalCalendarSource>(sp => new DataFileCalendarSource(sp.GetRequiredService<LegalCalendar>()));
        services.TryAddSingleton<DeadlineCalculator>();
        services.TryAddSingleton<FilingWindow>();
        services.TryAddSingleton<ReportLimit>();
        services.AddHostedService<StatuteStartupCheck>();
        return services;
    }
}

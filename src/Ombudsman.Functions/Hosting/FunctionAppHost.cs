using Microsoft.DurableTask;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Assignment;
using Ombudsman.Functions.Calendar;
using Ombudsman.Functions.Clock;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Idempotency;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.ProviderLimits;
using Ombudsman.Functions.RateLimiting;
using Ombudsman.Functions.Routing;
using Ombudsman.Functions.Security;
using Ombudsman.Functions.StaffPages;
using Ombudsman.LocalEngine;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Hosting;

/// <summary>
/// The composition root of the function app: one route table and one service composition, two hosts. <see cref="Build"/>
/// makes the plain ASP.NET Core host (scripts/run.sh, the tests, the benchmarks), which runs the case workflows on the
/// Durable Task engine in this process (<see cref="LocalEngineServiceCollectionExtensions"/>) and the scheduler that
/// sweeps deadlines and sends the staff digests; <see cref="FunctionsWorkerHost"/> makes the Azure Functions isolated
/// worker from the same <see cref="AddApp"/>, where Durable Functions and timer triggers do that work.
/// </summary>
internal static class FunctionAppHost
{
    /// <summary>Builds the local app from command-line arguments and the usual configuration sources.</summary>
    /// <param name="args">Command-line arguments (also how tests pass settings).</param>
    /// <param name="workflows">Orchestrators and activities registered after the case workflows (tests and tools).</param>
    /// <param name="configureServices">Registrations applied last, so they replace the app's (tests: e.g. a recording notifier).</param>
    public static WebApplication Build(string[] args, Action<DurableTaskRegistry>? workflows = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var routes = AddApp(builder, HostingMode.Standalone, workflows);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseAppMiddleware();
        app.MapHttpRoutes(routes);
        return app;
    }

    /// <summary>
    /// Registers the app's services on either host's builder and returns the routes this configuration serves.
    /// </summary>
    public static HttpRouteTable AddApp(IHostApplicationBuilder builder, HostingMode mode, Action<DurableTaskRegistry>? workflows)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        DevelopmentOnlySettings.EnsureAllowed(configuration, builder.Environment);
        var clock = ClockOf(configuration);
        var routes = HttpRouteTable.Create(ClockEndpointsEnabled(clock, builder.Environment));
        var services = builder.Services;
        TokenRedactingLoggerFactory.Register(services);
        services.AddSingleton(new HostingModeInfo(mode));
        services.AddSingleton(routes);
        if (clock.IsManual)
        {
            var manual = new ManualClock(clock.Start ?? DateTimeOffset.UtcNow);
            services.AddSingleton(manual);
            services.AddSingleton<TimeProvider>(manual);
            services.AddSingleton(clock);
            services.AddSingleton(sp => new ManualClockStore(sp.GetRequiredService<Azure.Data.Tables.TableServiceClient>(), clock.StateTable, HubNameOf(configuration)));

            // Registered before the engine and the scheduler, so both start on the resumed time.
            services.AddHostedService<ManualClockResume>();
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }

        services.AddStatute(options => configuration.GetSection(StatuteOptions.SectionName).Bind(options));
        services.AddCaseWorkflows();

        // Before the engine: its first activity may count a deadline with a published calendar.
        services.AddPublishedCalendars(configuration);
        AddDurable(services, configuration, mode, workflows);

        // One reading of the offices, checked before anything starts, serves filing and email alike.
        services.AddCaseEmail(configuration, OfficeDirectory.FromConfiguration(configuration, developmentDefaults: builder.Environment.IsDevelopment()));
        services.AddProblemHandling();
        services.AddPages();
        services.AddCaseConsolePages();
        services.AddCaseAssignment(configuration);
        services.AddOmbudsmanRateLimiting(configuration);
        services.AddProviderLimits(configuration);

        // On by default in Development only; Development may turn it off to see the app as deployed.
        var developmentAccess = configuration.GetValue<bool?>("Evidence:DevelopmentAccess") ?? builder.Environment.IsDevelopment();
        services.AddPublicCaseApi(configuration, developmentAccess);
        services.AddEvidence(configuration, developmentAccess);
        services.AddStaffIdentity(configuration, builder.Environment);
        services.AddIdempotencyKeys(configuration);
        services.AddOpenApi();
        return routes;
    }

    /// <summary>The routes a configuration serves, without composing the app (what the worker reports to the Functions host).</summary>
    public static HttpRouteTable RoutesOf(IConfiguration configuration, IHostEnvironment environment) =>
        HttpRouteTable.Create(ClockEndpointsEnabled(ClockOf(configuration), environment));

    /// <summary>The task hub's name: the local engine's setting, else the Functions host's (host.json's %DurableTaskHubName%).</summary>
    private static string HubNameOf(IConfiguration configuration) =>
        configuration[$"{LocalEngineOptions.SectionName}:{nameof(LocalEngineOptions.HubName)}"]
        ?? configuration["DurableTaskHubName"]
        ?? new LocalEngineOptions().HubName;

    private static ClockOptions ClockOf(IConfiguration configuration) =>
        configuration.GetSection(ClockOptions.SectionName).Get<ClockOptions>() ?? new ClockOptions();

    private static void AddDurable(IServiceCollection services, IConfiguration configuration, HostingMode mode, Action<DurableTaskRegistry>? workflows)
    {
        var storage = StorageConnection.FromConfiguration(configuration);
        services.AddSingleton(storage.Tables);
        services.AddSingleton(storage.Blobs);
        services.AddSingleton(new CaseReadModel(storage.Tables, configuration.GetSection("StorageNames").Get<CaseReadModelNames>() ?? new CaseReadModelNames()));
        services.AddHostedService<CaseRowsUpgrade>();
        if (mode != HostingMode.Standalone)
        {
            // In Azure, Durable Functions runs the orchestrations and the timer functions the schedule.
            return;
        }

        var engine = configuration.GetSection(LocalEngineOptions.SectionName).Get<LocalEngineOptions>() ?? new LocalEngineOptions();
        if (configuration.GetConnectionString(StorageConnection.ConnectionStringName) is { Length: > 0 } connectionString)
        {
            engine.StorageConnectionString = connectionString;
        }

        services.AddLocalDurableEngine(
            engine,
            registry =>
            {
                registry.AddCaseWorkflows();
                workflows?.Invoke(registry);
            },
            CaseJson.DataConverter);
        services.AddSingleton(configuration.GetSection("Schedule").Get<ScheduledWorkOptions>() ?? new ScheduledWorkOptions());
        services.AddHostedService<ScheduledWorkService>();
        services.AddHostedService<Calendar.CalendarAmendmentService>();
    }

    /// <summary>
    /// The clock endpoints exist only with a manual clock, and a manual clock only in Development or when
    /// Clock:EnableEndpoints says so explicitly: a frozen clock nobody can move would stop every deadline.
    /// </summary>
    private static bool ClockEndpointsEnabled(ClockOptions clock, IHostEnvironment environment)
    {
        if (!clock.IsManual)
        {
            if (!string.Equals(clock.Mode, "System", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Clock:Mode must be System or Manual, was '{clock.Mode}'.");
            }

            return false;
        }

        if (!environment.IsDevelopment() && !clock.EnableEndpoints)
        {
            throw new InvalidOperationException(
                $"Clock:Mode=Manual is for development: the environment is {environment.EnvironmentName}. Set Clock:EnableEndpoints=true to allow it here.");
        }

        return true;
    }
}

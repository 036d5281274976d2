using Microsoft.DurableTask;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Clock;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.RateLimiting;
using Ombudsman.Functions.Staff;
using Ombudsman.LocalEngine;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Hosting;

/// <summary>
/// The composition root of the local host, shared by Program, the tests and the benchmarks: the app's endpoints, the
/// case workflows on the Durable Task engine in this process (<see cref="LocalEngineServiceCollectionExtensions"/>),
/// the case read model, and the scheduler that sweeps deadlines and sends the staff digests.
/// </summary>
internal static class FunctionAppHost
{
    /// <summary>Builds the app from command-line arguments and the usual configuration sources.</summary>
    /// <param name="args">Command-line arguments (also how tests pass settings).</param>
    /// <param name="workflows">Orchestrators and activities registered after the case workflows (tests and tools).</param>
    /// <param name="configureServices">Registrations applied last, so they replace the app's (tests: e.g. a recording notifier).</param>
    public static WebApplication Build(string[] args, Action<DurableTaskRegistry>? workflows = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var configuration = builder.Configuration;

        var clock = configuration.GetSection(ClockOptions.SectionName).Get<ClockOptions>() ?? new ClockOptions();
        var clockEndpoints = ClockEndpointsEnabled(clock, builder.Environment);
        var services = builder.Services;
        if (clock.IsManual)
        {
            var manual = new ManualClock(clock.Start ?? DateTimeOffset.UtcNow);
            services.AddSingleton(manual);
            services.AddSingleton<TimeProvider>(manual);
        }
        else
        {
            services.AddSingleton(TimeProvider.System);
        }

        services.AddStatute(options => configuration.GetSection(StatuteOptions.SectionName).Bind(options));
        services.AddCaseWorkflows();
        AddDurable(services, configuration, workflows);
        services.AddCaseEmail(configuration);
        services.AddProblemHandling();
        services.AddOmbudsmanRateLimiting(configuration);
        services.AddPublicCaseApi(configuration, developmentAccess: builder.Environment.IsDevelopment() || configuration.GetValue<bool>("Evidence:DevelopmentAccess"));
        services.AddEvidence(configuration, developmentAccess: builder.Environment.IsDevelopment() || configuration.GetValue<bool>("Evidence:DevelopmentAccess"));
        services.AddStaffIdentity(configuration, builder.Environment);
        services.AddOpenApi();
        configureServices?.Invoke(services);

        var app = builder.Build();
        app.UseProblemHandling();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapGet("/api/health", () => Results.Ok(new { status = "ok" })).WithTags("Health");
        app.MapStatuteEndpoints();
        app.MapEvidenceEndpoints();
        app.MapStaffEndpoints();
        app.MapComplaintEndpoints();
        app.MapTrackingEndpoints();
        app.MapProviderEndpoints();
        if (clockEndpoints)
        {
            app.MapClockEndpoints();
        }

        return app;
    }

    private static void AddDurable(IServiceCollection services, IConfiguration configuration, Action<DurableTaskRegistry>? workflows)
    {
        var storage = StorageConnection.FromConfiguration(configuration);
        services.AddSingleton(storage.Tables);
        services.AddSingleton(storage.Blobs);
        services.AddSingleton(new CaseReadModel(storage.Tables, configuration.GetSection("StorageNames").Get<CaseReadModelNames>() ?? new CaseReadModelNames()));
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

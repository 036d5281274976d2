using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Clock;
using Ombudsman.Functions.CustomHandler;
using Ombudsman.Functions.Evidence;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.RateLimiting;
using Ombudsman.Functions.Routing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Durable;
using Ombudsman.Workflows.Durable.Storage.Azure;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Hosting;

/// <summary>
/// The composition root of the function app, shared by Program and the tests: one app, two front doors. With
/// FUNCTIONS_CUSTOMHANDLER_PORT (set by the Functions host) it listens on 127.0.0.1:that port and serves the host's
/// invocations; without it, it runs the durable runtime's own queue pumps and deadline sweeper.
/// </summary>
internal static class FunctionAppHost
{
    public const string CustomHandlerPortKey = "FUNCTIONS_CUSTOMHANDLER_PORT";

    /// <summary>Builds the app from command-line arguments and the usual configuration sources.</summary>
    /// <param name="args">Command-line arguments (also how tests pass settings).</param>
    /// <param name="workflows">Orchestrations and activities registered after every feature's (tests and tools).</param>
    /// <param name="configureServices">Registrations applied last, so they replace the app's (tests: e.g. a recording notifier).</param>
    public static WebApplication Build(string[] args, Action<DurableRegistry>? workflows = null, Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var configuration = builder.Configuration;
        var mode = ModeOf(configuration, out var port);
        if (mode == HostingMode.CustomHandler)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        }

        var clock = configuration.GetSection(ClockOptions.SectionName).Get<ClockOptions>() ?? new ClockOptions();
        var clockEndpoints = ClockEndpointsEnabled(clock, builder.Environment);
        var services = builder.Services;
        services.AddSingleton(new HostingModeInfo(mode));
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
        AddDurable(services, configuration, mode, workflows);

        // After the durable storage: hosted services start in order, and the digest start-up needs its tables.
        services.AddCaseEmail(configuration);
        services.AddProblemHandling();
        services.AddOmbudsmanRateLimiting(configuration);
        services.AddPublicCaseApi(configuration, developmentAccess: builder.Environment.IsDevelopment() || configuration.GetValue<bool>("Evidence:DevelopmentAccess"));
        services.AddEvidence(configuration, developmentAccess: builder.Environment.IsDevelopment() || configuration.GetValue<bool>("Evidence:DevelopmentAccess"));
        services.AddStaffIdentity(configuration, builder.Environment);
        services.AddOpenApi();
        configureServices?.Invoke(services);

        var app = builder.Build();
        if (mode == HostingMode.CustomHandler)
        {
            // Every request comes through the Functions host on loopback; the client is in X-Forwarded-For.
            app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor });
        }

        app.UseProblemHandling();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHttpRoutes(HttpRouteTable.Create(clockEndpoints));

        if (mode == HostingMode.CustomHandler)
        {
            app.MapInvocationEndpoints();
        }

        return app;
    }

    private static void AddDurable(IServiceCollection services, IConfiguration configuration, HostingMode mode, Action<DurableRegistry>? workflows)
    {
        var storage = StorageConnection.FromConfiguration(configuration);
        var names = configuration.GetSection("StorageNames").Get<AzureStorageNames>() ?? new AzureStorageNames();
        services.AddDurableRuntime(DurableModules.Compose(workflows), options => configuration.GetSection("Durable").Bind(options));
        services.AddAzureDurableStorage(storage.Tables, storage.Queues, storage.Blobs, names);
        if (mode == HostingMode.Standalone)
        {
            services.AddDurableWorker();
        }
    }

    private static HostingMode ModeOf(IConfiguration configuration, out int port)
    {
        port = 0;
        var setting = configuration[CustomHandlerPortKey];
        if (string.IsNullOrEmpty(setting))
        {
            return HostingMode.Standalone;
        }

        if (!int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            throw new InvalidOperationException($"{CustomHandlerPortKey} must be a TCP port number, was '{setting}'.");
        }

        return HostingMode.CustomHandler;
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

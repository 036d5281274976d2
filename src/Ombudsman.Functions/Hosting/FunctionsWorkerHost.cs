using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Core.FunctionMetadata;
using Microsoft.DurableTask.Client;
using Ombudsman.Functions.Functions;
using Ombudsman.Functions.Routing;

namespace Ombudsman.Functions.Hosting;

/// <summary>
/// The app as the Azure Functions .NET isolated worker with ASP.NET Core integration: the same services as the local
/// host (<see cref="FunctionAppHost.AddApp"/>), the route table reported as HTTP functions, and no pumps of its own.
/// </summary>
internal static class FunctionsWorkerHost
{
    /// <summary>Set by the Functions host for the worker it starts (with the host's gRPC endpoint).</summary>
    public const string HostEndpointVariable = "Functions__Worker__HostEndpoint";

    /// <summary>
    /// True when the Functions host started this process: it passes its gRPC address (--functions-uri, older hosts
    /// --host/--port with --workerId) or sets <see cref="HostEndpointVariable"/>. Without any, the app runs locally.
    /// </summary>
    public static bool IsStartedByFunctionsHost(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        return args.Any(a => a.StartsWith("--functions-uri", StringComparison.Ordinal) || a == "--workerId")
            || !string.IsNullOrEmpty(environment(HostEndpointVariable));
    }

    /// <summary>Builds the worker.</summary>
    /// <param name="args">Command-line arguments (the Functions host's, or settings in tests).</param>
    /// <param name="configureServices">Registrations applied last, so they replace the app's.</param>
    public static IHost Build(string[] args, Action<IServiceCollection>? configureServices = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        var routes = FunctionAppHost.AddApp(builder, HostingMode.FunctionsWorker, workflows: null);
        AddHttpRouteFunctions(builder.Services, routes);
        DurableTriggerFunctions.Configure(builder);
        configureServices?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// A worker that can only say which functions the app has (for functions.metadata at build time): the route table
    /// of this configuration, none of the app's services, so it needs no storage or other settings.
    /// </summary>
    public static IHost BuildForMetadata(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        builder.Services.AddSingleton<IFunctionMetadataTransformer>(
            new HttpRouteFunctionsMetadataTransformer(FunctionAppHost.RoutesOf(builder.Configuration, builder.Environment)));
        return builder.Build();
    }

    private static void AddHttpRouteFunctions(IServiceCollection services, HttpRouteTable routes)
    {
        services.AddSingleton<IFunctionMetadataTransformer>(new HttpRouteFunctionsMetadataTransformer(routes));
        services.AddSingleton<HttpRouteEndpoints>();
        services.AddSingleton<HttpRouteInvoker>();

        // The app's endpoints as services see them (the OpenAPI document, link generation) are the route endpoints,
        // not the worker's routing view of each function, which lacks their metadata. The worker's router keeps its
        // own endpoints: it reads them from its pipeline, not from this service.
        services.AddSingleton<EndpointDataSource>(sp => sp.GetRequiredService<HttpRouteEndpoints>().DataSource);

        services.AddScoped<InvocationDurableClient>();
        services.AddScoped<DurableTaskClient>(sp => sp.GetRequiredService<InvocationDurableClient>().Required);
    }
}

using Ombudsman.Functions.Routing;

namespace Ombudsman.Functions.Functions;

/// <summary>
/// The worker's endpoints of the route table, made by the same <see cref="HttpRouteMapping.MapHttpRoutes"/> as the local
/// host's, so each carries the same request delegate, filters and metadata (authorization, rate limiting, OpenAPI).
/// They are not routed by the worker's own ASP.NET Core pipeline: the Functions host routes, and
/// <see cref="HttpRouteInvoker"/> runs the invoked function's endpoint.
/// </summary>
internal sealed class HttpRouteEndpoints : IEndpointRouteBuilder
{
    private readonly Lazy<Dictionary<string, Endpoint>> byName;

    public HttpRouteEndpoints(IServiceProvider services, HttpRouteTable routes)
    {
        ServiceProvider = services;
        this.MapHttpRoutes(routes);
        DataSource = new CompositeEndpointDataSource(DataSources);

        // Built on first use: the request delegate factory needs the container complete.
        byName = new(() => DataSource.Endpoints.ToDictionary(e => e.Metadata.GetRequiredMetadata<HttpRoute>().Name, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>All of them, e.g. for the OpenAPI document.</summary>
    public EndpointDataSource DataSource { get; }

    public IServiceProvider ServiceProvider { get; }

    public ICollection<EndpointDataSource> DataSources { get; } = [];

    public Endpoint this[string functionName] =>
        byName.Value.GetValueOrDefault(functionName) ?? throw new InvalidOperationException($"No HTTP route is named '{functionName}'.");

    public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(ServiceProvider);
}

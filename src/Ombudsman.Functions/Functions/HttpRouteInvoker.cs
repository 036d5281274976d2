using Ombudsman.Functions.Hosting;

namespace Ombudsman.Functions.Functions;

/// <summary>
/// Runs a route inside its function invocation as the local host would serve it: the route's endpoint behind the
/// app's middleware (<see cref="AppMiddleware.UseAppMiddleware"/>: problem handling, rate limiting, authentication,
/// authorization), on the HttpContext the worker's ASP.NET Core integration proxies from the Functions host.
/// </summary>
internal sealed class HttpRouteInvoker
{
    private readonly HttpRouteEndpoints endpoints;
    private readonly RequestDelegate pipeline;

    public HttpRouteInvoker(IServiceProvider services, HttpRouteEndpoints endpoints)
    {
        this.endpoints = endpoints;
        var app = new ApplicationBuilder(services);
        app.UseAppMiddleware();

        // The middleware reads the endpoint (authorization and rate-limiting metadata) set by InvokeAsync.
        app.Run(context => context.GetEndpoint()?.RequestDelegate?.Invoke(context) ?? Task.CompletedTask);
        pipeline = app.Build();
    }

    /// <summary>The response of the route named <paramref name="functionName"/>, for the worker to write.</summary>
    public IResult Result(string functionName) => new RouteResult(this, endpoints[functionName]);

    /// <summary>Serves the request with the endpoint; the worker's routing already put the route values on it.</summary>
    public Task InvokeAsync(Endpoint endpoint, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.SetEndpoint(endpoint);
        return pipeline(context);
    }

    private sealed class RouteResult(HttpRouteInvoker invoker, Endpoint endpoint) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => invoker.InvokeAsync(endpoint, httpContext);
    }
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Ombudsman.Functions.Routing;

/// <summary>
/// One HTTP route of the app, defined once: the local ASP.NET Core host maps it as an endpoint and the Functions
/// worker reports it as an HTTP-triggered function of the same name, route and methods (<see cref="HttpRouteTable"/>).
/// </summary>
internal sealed partial record HttpRoute
{
    /// <summary>What <see cref="FunctionRoute"/> gives the Functions host for the site's root.</summary>
    public const string RootFunctionRoute = "{root:maxlength(0)?}";

    private HttpRoute(string name, IReadOnlyList<string> methods, string template, Delegate? handler, Func<IEndpointRouteBuilder, string, IEndpointConventionBuilder>? map)
    {
        if (!FunctionName().IsMatch(name))
        {
            throw new ArgumentException($"'{name}' is not a valid Azure Functions function name.", nameof(name));
        }

        if (methods.Count == 0)
        {
            throw new ArgumentException($"Route '{name}' has no HTTP method.", nameof(methods));
        }

        // The Functions host takes routes without a leading slash; the local host adds it.
        if (template.StartsWith('/'))
        {
            throw new ArgumentException($"Route '{name}': write the template without a leading slash, was '{template}'.", nameof(template));
        }

        Name = name;
        Methods = [.. methods.Select(m => m.ToUpperInvariant())];
        Template = template;
        Pattern = "/" + template;

        // Fails here, at start-up, on a template neither host could route.
        RoutePatternFactory.Parse(Pattern);
        Handler = handler;
        Map = map;
    }

    /// <summary>The function name in Azure Functions; also names the endpoint locally.</summary>
    public string Name { get; }

    /// <summary>HTTP methods, upper case.</summary>
    public IReadOnlyList<string> Methods { get; }

    /// <summary>The full path template without a leading slash (host.json routePrefix is empty), e.g. <c>api/track</c>.</summary>
    public string Template { get; }

    /// <summary>The template with its leading slash: the local endpoint's route pattern.</summary>
    public string Pattern { get; }

    /// <summary>
    /// The route the Functions host is given for <see cref="Template"/>. The same, except for the site's root: the host
    /// maps an HTTP function with an empty route at the function's name (/HomePage), so the root is asked for as an
    /// optional segment that must be empty, which matches "/" alone.
    /// </summary>
    public string FunctionRoute => Template.Length == 0 ? RootFunctionRoute : Template;

    /// <summary>The minimal-API handler, bound by the same request delegate factory in both hosts.</summary>
    public Delegate? Handler { get; }

    /// <summary>For an endpoint a framework maps itself (the OpenAPI document): maps it at the given pattern.</summary>
    public Func<IEndpointRouteBuilder, string, IEndpointConventionBuilder>? Map { get; }

    /// <summary>OpenAPI tags.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The authorization policy a caller must satisfy, if any.</summary>
    public string? AuthorizationPolicy { get; init; }

    /// <summary>The rate-limiter policy the route counts against, if any.</summary>
    public string? RateLimitingPolicy { get; init; }

    /// <summary>
    /// Whether the route honours an <c>Idempotency-Key</c> header (<see cref="Idempotency.IdempotencyKeyFilter"/>, outside
    /// <see cref="Filters"/>): a retry with the key gets the first answer and changes nothing. Every state-changing POST
    /// opts in with <c>AcceptsIdempotencyKey = true</c>; docs/API.md, "Idempotency keys".
    /// </summary>
    public bool AcceptsIdempotencyKey { get; init; }

    /// <summary>Endpoint filters, outermost first.</summary>
    public IReadOnlyList<Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>>> Filters { get; init; } = [];

    /// <summary>What the OpenAPI document says of the route: summary, responses.</summary>
    public Action<RouteHandlerBuilder>? Describe { get; init; }

    public static HttpRoute Get(string name, string template, Delegate handler) => new(name, [HttpMethods.Get], template, handler, null);

    public static HttpRoute Post(string name, string template, Delegate handler) => new(name, [HttpMethods.Post], template, handler, null);

    public static HttpRoute Delete(string name, string template, Delegate handler) => new(name, [HttpMethods.Delete], template, handler, null);

    /// <summary>A route whose endpoint a framework maps (<paramref name="map"/> receives the pattern); it must answer exactly <paramref name="methods"/>.</summary>
    public static HttpRoute Mapped(string name, IReadOnlyList<string> methods, string template, Func<IEndpointRouteBuilder, string, IEndpointConventionBuilder> map) =>
        new(name, methods, template, null, map);

    // What the Functions host accepts as a function name.
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_-]{0,127}$")]
    private static partial Regex FunctionName();
}

using Ombudsman.Functions.Idempotency;

namespace Ombudsman.Functions.Routing;

/// <summary>Turns route table entries into ASP.NET Core endpoints, with every convention the entry names.</summary>
internal static class HttpRouteMapping
{
    /// <summary>Maps every route; each endpoint carries its <see cref="HttpRoute"/> as metadata.</summary>
    public static IEndpointRouteBuilder MapHttpRoutes(this IEndpointRouteBuilder endpoints, IEnumerable<HttpRoute> routes)
    {
        foreach (var route in routes)
        {
            endpoints.MapHttpRoute(route);
        }

        return endpoints;
    }

    private static void MapHttpRoute(this IEndpointRouteBuilder endpoints, HttpRoute route)
    {
        IEndpointConventionBuilder builder;
        if (route.Handler is { } handler)
        {
            var handlerBuilder = endpoints.MapMethods(route.Pattern, route.Methods, handler);
            ApplyConventions(handlerBuilder, route);
            route.Describe?.Invoke(handlerBuilder);
            builder = handlerBuilder;
        }
        else
        {
            if (route.AcceptsIdempotencyKey)
            {
                throw new InvalidOperationException($"Route '{route.Name}' is mapped by a framework; only a handler route can honour an Idempotency-Key.");
            }

            builder = route.Map!(endpoints, route.Pattern);
            ApplyConventions(builder, route);
        }

        builder.WithMetadata(route);
        builder.Finally(endpoint => CheckMethods(endpoint, route));
    }

    private static void ApplyConventions(IEndpointConventionBuilder builder, HttpRoute route)
    {
        if (route.Tags.Count > 0)
        {
            builder.WithTags([.. route.Tags]);
        }

        if (route.AuthorizationPolicy is { } policy)
        {
            builder.RequireAuthorization(policy);
        }

        if (route.RateLimitingPolicy is { } limiter)
        {
            builder.RequireRateLimiting(limiter);
        }

        if (route.AcceptsIdempotencyKey)
        {
            // Outermost: a replayed answer runs none of the route's own filters again.
            builder.AddEndpointFilter(IdempotencyKeyFilter.InvokeAsync);
        }

        foreach (var filter in route.Filters)
        {
            builder.AddEndpointFilter(filter);
        }
    }

    /// <summary>The Functions host routes by the table's methods: an endpoint that answers others would differ between hosts.</summary>
    private static void CheckMethods(EndpointBuilder endpoint, HttpRoute route)
    {
        var methods = endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault()?.HttpMethods ?? [];
        if (!methods.Order(StringComparer.Ordinal).SequenceEqual(route.Methods.Order(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"Route '{route.Name}' says {string.Join(", ", route.Methods)} but its endpoint answers {string.Join(", ", methods)}.");
        }
    }
}

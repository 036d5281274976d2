using System.Text.Json;
using System.Text.Json.Serialization;
using Ombudsman.Functions.Pages;

namespace Ombudsman.Functions.Api;

/// <summary>
/// Wires problem+json for the whole app: domain exceptions and malformed requests through <see cref="DomainExceptionHandler"/>,
/// bare status codes (unknown route, 405, 500) with a default <c>code</c>, and JSON enums as camelCase strings.
/// </summary>
internal static class ProblemHandling
{
    public static IServiceCollection AddProblemHandling(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (!context.ProblemDetails.Extensions.ContainsKey("code"))
            {
                var code = Problems.DefaultCodeOf(status);
                context.ProblemDetails.Extensions["code"] = code;
                context.ProblemDetails.Type = Problems.TypeOf(code);
            }
        });
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.AddExceptionHandler<PageErrors.ExceptionHandler>();

        // Minimal APIs answer a body they cannot bind with a bare 400 unless told to throw; the handler then names the problem.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        return services;
    }

    public static IApplicationBuilder UseProblemHandling(this IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async context =>
        {
            // A page's path gets a page in the visitor's language; everything else problem+json.
            var http = context.HttpContext;
            if (await PageErrors.TryWriteStatusPageAsync(http))
            {
                return;
            }

            var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
            await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = http.Response.StatusCode } });
        });
        return app;
    }
}

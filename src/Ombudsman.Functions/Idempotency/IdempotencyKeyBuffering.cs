using Ombudsman.Functions.Routing;

namespace Ombudsman.Functions.Idempotency;

/// <summary>
/// Keeps the body of a request with an <c>Idempotency-Key</c> to an idempotent route readable after the handler's
/// parameters are bound from it, so <see cref="IdempotencyKeyFilter"/> can tell a retry from another request by its bytes.
/// </summary>
internal static class IdempotencyKeyBuffering
{
    public static IApplicationBuilder UseIdempotencyKeys(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<HttpRoute>() is { AcceptsIdempotencyKey: true }
            && context.Request.Headers.ContainsKey(IdempotencyKey.HeaderName))
        {
            context.Request.EnableBuffering();
        }

        return next(context);
    });
}

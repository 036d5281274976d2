using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Ombudsman.Functions.Access;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Routing;

namespace Ombudsman.Functions.Idempotency;

/// <summary>
/// The endpoint filter of every route that accepts an <c>Idempotency-Key</c> (<see cref="HttpRoute.AcceptsIdempotencyKey"/>):
/// the first request with a key runs and its answer is kept; a retry with the same key and the same request gets that
/// answer again and runs nothing; the same key with another request is 422 <c>idempotency-key-reused</c>; a retry while
/// the first still runs is 409 <c>idempotency-key-in-flight</c>. A server error (5xx) or an abandoned request keeps
/// nothing, so its retry runs again. Keys are scoped by route and caller (staff member, case token, or none for
/// anonymous filing), so two callers never see each other's answers. Requests without the header run as before.
/// </summary>
internal static class IdempotencyKeyFilter
{
    /// <summary>Seconds a client is told to wait before retrying a key whose first request is still running.</summary>
    private const int InFlightRetryAfterSeconds = 2;

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        if (!IdempotencyKey.TryRead(http.Request.Headers[IdempotencyKey.HeaderName], out var key))
        {
            var detail = $"{IdempotencyKey.HeaderName} takes one value of {IdempotencyKey.MinLength} to {IdempotencyKey.MaxLength} letters, digits or '-', '_', '.', ':', '~' (a UUID fits).";
            return Problems.Result(
                StatusCodes.Status400BadRequest, "idempotency-key-invalid", "Bad request", detail, [new(IdempotencyKey.HeaderName, "idempotency-key-invalid", detail)]);
        }

        if (key is null)
        {
            return await next(invocation);
        }

        var records = http.RequestServices.GetRequiredService<IdempotencyRecords>();
        var (scope, sealKey) = Scope(http, key);
        var fingerprint = await FingerprintAsync(http.Request, http.RequestAborted);
        switch (await records.StartAsync(scope, fingerprint, sealKey, http.RequestAborted))
        {
            case IdempotencyStart.Replay replay:
                http.Response.Headers[IdempotencyKey.ReplayedHeaderName] = "true";
                await WriteAsync(http, replay.Answer);
                return Results.Empty;
            case IdempotencyStart.Reused:
                return Problems.Result(
                    StatusCodes.Status422UnprocessableEntity,
                    "idempotency-key-reused",
                    "Refused by rule",
                    $"This {IdempotencyKey.HeaderName} was used for another request (another body, case or query); use a new key for a new request.");
            case IdempotencyStart.InFlight:
                http.Response.Headers.RetryAfter = InFlightRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Problems.Result(
                    StatusCodes.Status409Conflict,
                    "idempotency-key-in-flight",
                    "Conflict",
                    $"The first request with this {IdempotencyKey.HeaderName} is still being processed; retry after {InFlightRetryAfterSeconds} seconds for its answer.");
            case IdempotencyStart.Run run:
                return await RunAsync(invocation, next, records, run.Lease);
            default:
                throw new InvalidOperationException("Unknown idempotency start.");
        }
    }

    private static async Task<object?> RunAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next, IdempotencyRecords records, IdempotencyLease lease)
    {
        var http = invocation.HttpContext;
        IResult result;
        try
        {
            result = AsResult(await next(invocation));
        }
        catch (Exception e) when (DomainExceptionHandler.ProblemOf(e) is { } problem)
        {
            // A refusal is the request's answer like any other (it changed nothing): kept, so a retry hears the same.
            result = TypedResults.Problem(problem);
        }
        catch (Exception)
        {
            // A server error or a caller gone: nothing is kept, a retry runs again.
            await records.ReleaseAsync(lease, CancellationToken.None);
            throw;
        }

        IdempotentAnswer answer;
        try
        {
            answer = await CaptureAsync(http, result);
        }
        catch (Exception)
        {
            await records.ReleaseAsync(lease, CancellationToken.None);
            throw;
        }

        if (answer.Status >= StatusCodes.Status500InternalServerError)
        {
            await records.ReleaseAsync(lease, CancellationToken.None);
        }
        else
        {
            // Kept even when the caller is gone by now: its retry must hear this answer, not run again.
            await records.CompleteAsync(lease, answer, CancellationToken.None);
        }

        await WriteAsync(http, answer);
        return Results.Empty;
    }

    /// <summary>
    /// Route, caller and key, hashed: a staff member's key is theirs, a token holder's is the token's (its case and
    /// party), and anonymous filing's is the key alone, guarded by the request fingerprint. The same three, hashed
    /// apart, seal the kept answer, so only a holder of the key can read it back.
    /// </summary>
    private static (string Scope, byte[] SealKey) Scope(HttpContext http, string key)
    {
        var route = http.GetEndpoint()?.Metadata.GetMetadata<HttpRoute>()?.Name
            ?? throw new InvalidOperationException("An idempotent endpoint without its route.");
        var caller = StaffMember.From(http.User) is { } member ? "staff:" + member.Id
            : AccessToken.From(http.Request) is { } token ? "token:" + AccessToken.Hash(token)
            : "anonymous";
        var scope = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"scope\n{route}\n{caller}\n{key}")));
        return (scope, SHA256.HashData(Encoding.UTF8.GetBytes($"seal\n{route}\n{caller}\n{key}")));
    }

    /// <summary>What makes two requests the same request: method, path, query and body bytes.</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // The body was read to bind the handler's parameters; IdempotencyKeyBuffering kept it readable again.
        if (!request.Body.CanSeek)
        {
            throw new InvalidOperationException("The request body of an idempotent route was not buffered (UseIdempotencyKeys missing from the middleware).");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.PathBase}{request.Path}\n{request.QueryString}\n"));
        request.Body.Position = 0;
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static IResult AsResult(object? value) => value switch
    {
        IResult result => result,
        null => Results.Empty,
        string text => Results.Text(text),
        _ => Results.Json(value),
    };

    /// <summary>Runs the result into a buffer instead of the response: the status, the headers it set and its body.</summary>
    private static async Task<IdempotentAnswer> CaptureAsync(HttpContext http, IResult result)
    {
        var before = http.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var original = http.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer);
        http.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await result.ExecuteAsync(http);
            await capture.CompleteAsync();
        }
        finally
        {
            http.Features.Set(original);
        }

        var headers = http.Response.Headers
            .Where(h => !string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)
                && (!before.TryGetValue(h.Key, out var earlier) || earlier != h.Value.ToString()))
            .ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase);
        return new IdempotentAnswer(http.Response.StatusCode, headers, buffer.ToArray());
    }

    private static async Task WriteAsync(HttpContext http, IdempotentAnswer answer)
    {
        http.Response.StatusCode = answer.Status;
        foreach (var (name, values) in answer.Headers)
        {
            http.Response.Headers[name] = values;
        }

        if (answer.Body.Length > 0)
        {
            http.Response.ContentLength = answer.Body.Length;
            await http.Response.Body.WriteAsync(answer.Body, http.RequestAborted);
        }
    }
}

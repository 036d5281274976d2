using System.Globalization;

namespace Ombudsman.Testing;

/// <summary>A scripted answer of the fake SendGrid server, shaped like SendGrid's own responses.</summary>
public sealed record FakeSendGridResponse
{
    public required int StatusCode { get; init; }

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string? Body { get; init; }

    /// <summary>202 with the X-Message-Id header SendGrid returns for an accepted message.</summary>
    public static FakeSendGridResponse Accepted(string messageId) =>
        new() { StatusCode = 202, Headers = new Dictionary<string, string> { ["X-Message-Id"] = messageId } };

    /// <summary>429 with X-RateLimit-Reset in epoch seconds, as SendGrid sends when the rate limit is hit.</summary>
    public static FakeSendGridResponse TooManyRequests(DateTimeOffset resetAt) => new()
    {
        StatusCode = 429,
        Headers = new Dictionary<string, string>
        {
            ["X-RateLimit-Limit"] = "600",
            ["X-RateLimit-Remaining"] = "0",
            ["X-RateLimit-Reset"] = resetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        },
        Body = """{"errors":[{"field":null,"message":"too many requests"}]}""",
    };

    /// <summary>Drops the connection after reading the request and before answering: the client never learns the outcome.</summary>
    public static FakeSendGridResponse DropConnection() => new() { StatusCode = 0 };

    /// <summary>Reads the request and never answers, as a hung server would, until the client gives up.</summary>
    public static FakeSendGridResponse NoAnswer() => new() { StatusCode = -1 };

    public static FakeSendGridResponse ServerError(int statusCode = 500) =>
        new() { StatusCode = statusCode, Body = """{"errors":[{"field":null,"message":"internal error"}]}""" };

    /// <summary>A 4xx with SendGrid's error body, e.g. for an address it does not accept.</summary>
    public static FakeSendGridResponse BadRequest(string message, string field = "personalizations.0.to.0.email") => new()
    {
        StatusCode = 400,
        Body = $$"""{"errors":[{"message":{{System.Text.Json.JsonSerializer.Serialize(message)}},"field":{{System.Text.Json.JsonSerializer.Serialize(field)}},"help":null}]}""",
    };
}

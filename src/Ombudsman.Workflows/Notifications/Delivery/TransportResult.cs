namespace Ombudsman.Workflows.Notifications;

/// <summary>What a transport learned from one delivery attempt (after its own retries).</summary>
internal abstract record TransportResult
{
    private TransportResult()
    {
    }

    /// <summary>Accepted for delivery (SendGrid 2xx, or the .eml file is in the pickup directory).</summary>
    public sealed record Accepted(string? MessageId) : TransportResult;

    /// <summary>Refused for good (4xx other than 401/403/429): retrying the same message cannot help.</summary>
    public sealed record Rejected(string Reason, int StatusCode) : TransportResult;

    /// <summary>Not accepted, and nothing was sent, but a later attempt may succeed (429, 5xx, 401/403, refused connection).</summary>
    public sealed record Unavailable(string Reason, int? StatusCode) : TransportResult;

    /// <summary>The request may have reached the service but no answer came back (timeout, connection lost).</summary>
    public sealed record Ambiguous(string Reason) : TransportResult;
}

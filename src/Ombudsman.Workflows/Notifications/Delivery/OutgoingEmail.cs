namespace Ombudsman.Workflows.Notifications;

/// <summary>A rendered email ready for a transport, with the ids that travel with it (custom_args, X- headers).</summary>
internal sealed record OutgoingEmail
{
    public required EmailAddress From { get; init; }

    public required EmailAddress To { get; init; }

    public required RenderedEmail Content { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string TemplateId { get; init; }

    public string? CaseId { get; init; }

    /// <summary>The language the email is written in; sent as its Content-Language.</summary>
    public required Language Language { get; init; }
}

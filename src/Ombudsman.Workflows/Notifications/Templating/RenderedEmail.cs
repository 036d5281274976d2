namespace Ombudsman.Workflows.Notifications;

/// <summary>A template rendered with its values: what the recipient reads.</summary>
internal sealed record RenderedEmail
{
    public required string Subject { get; init; }

    public required string TextBody { get; init; }

    public required string HtmlBody { get; init; }
}

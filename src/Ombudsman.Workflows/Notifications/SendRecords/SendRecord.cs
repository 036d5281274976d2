namespace Ombudsman.Workflows.Notifications;

/// <summary>What is known about one notification's delivery, keyed by case and idempotency key.</summary>
internal sealed record SendRecord
{
    /// <summary>The case the email is about; null for office-level mail (staff digest).</summary>
    public required string? CaseId { get; init; }

    public required string IdempotencyKey { get; init; }

    public required string TemplateId { get; init; }

    public required RecipientRole Role { get; init; }

    public required SendStatus Status { get; init; }

    /// <summary>When the current (or last) attempt started; a Pending record's lease runs from here.</summary>
    public required DateTimeOffset AttemptedAt { get; init; }

    public int Attempts { get; init; } = 1;

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>The email service's id for the message (SendGrid X-Message-Id, or the .eml file name).</summary>
    public string? ProviderMessageId { get; init; }

    /// <summary>Why it was not delivered; never contains the complainant's identity.</summary>
    public string? Reason { get; init; }

    public int? StatusCode { get; init; }

    /// <summary>The store's concurrency token (ETag); null on a record not yet stored.</summary>
    public string? Version { get; init; }

    /// <summary>A Pending record whose lease has run out is, for staff, an uncertain delivery.</summary>
    public SendStatus StatusAt(DateTimeOffset now, TimeSpan lease) =>
        Status == SendStatus.Pending && now - AttemptedAt >= lease ? SendStatus.Uncertain : Status;
}

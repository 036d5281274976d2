namespace Ombudsman.Workflows.Notifications;

/// <summary>One email the workflow wants delivered exactly once: which template, to whom, with which values.</summary>
internal sealed record Notification
{
    /// <summary>Orchestration instance id + ":" + task id; a retry of the same activity carries the same key.</summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>A template id from <see cref="TemplateIds"/>.</summary>
    public required string TemplateId { get; init; }

    public required RecipientRole Role { get; init; }

    public required EmailAddress To { get; init; }

    public Language Language { get; init; } = Language.Indonesian;

    /// <summary>Values for exactly the fields the template declares (already formatted in <see cref="Language"/>).</summary>
    public required IReadOnlyDictionary<string, string> Fields { get; init; }

    /// <summary>The case the email is about; null only for office-level mail such as the staff digest.</summary>
    public string? CaseId { get; init; }

    /// <summary>True when the complainant asked for identity confidentiality (UU 25/2009 art. 42(5)).</summary>
    public bool ComplainantIdentityConfidential { get; init; }

    /// <summary>Required on provider notifications of confidential cases: the values the guard looks for.</summary>
    public ComplainantIdentity? ComplainantIdentity { get; init; }
}

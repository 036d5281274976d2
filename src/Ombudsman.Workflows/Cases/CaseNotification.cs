namespace Ombudsman.Workflows.Cases;

/// <summary>
/// A notification a case step sends. <see cref="IdempotencyKey"/> ("{case id}:{step}:{template}:{recipient}") is
/// the same on every retry of the step, so a notifier can make sure it is delivered once.
/// </summary>
public sealed record CaseNotification
{
    /// <summary>The <see cref="Data"/> key of the rule set version the case pinned, whose durations and citations the email states.</summary>
    public const string RuleSetVersionKey = "ruleSetVersion";

    public required string TemplateId { get; init; }

    public required NotificationRecipient Recipient { get; init; }

    public required string CaseId { get; init; }

    public required string Office { get; init; }

    /// <summary>"id" or "en": the complainant's preferred language (texts show Bahasa Indonesia first regardless).</summary>
    public required string Language { get; init; }

    public required string IdempotencyKey { get; init; }

    /// <summary>
    /// Case data the template needs: e.g. "deadline" (yyyy-MM-dd), "dueAt" (ISO instant), "citation", "ruleId",
    /// "missingItems", "amount". Never the complainant's identity in a provider notification when it is confidential.
    /// </summary>
    public required IReadOnlyDictionary<string, string> Data { get; init; }
}

using System.Globalization;

namespace Ombudsman.Workflows.Cases;

/// <summary>
/// When and how a party received the notice whose receipt starts a deadline (P6: the complainant received the P5
/// answer; O3: the reporter received the written notice of missing requirements). An email counts as received when the
/// email service accepted it for delivery (SendGrid's 202, or the pickup directory written): the system hears of no later
/// bounce, so acceptance is the latest fact it has. A rejected or uncertain email is not receipt; staff confirm receipt
/// by other means (<see cref="CaseEvents.OtherMeans"/>) with the date the party got it.
/// </summary>
public sealed record NoticeReceipt
{
    /// <summary>How the notice reached the party when it came by email.</summary>
    public const string Email = "email";

    /// <summary>The office-local date the party received the notice: the count starts the day after.</summary>
    public required DateOnly On { get; init; }

    /// <summary><see cref="Email"/> or one of <see cref="CaseEvents.OtherMeans"/> (letter, phone, in-person).</summary>
    public required string Means { get; init; }

    /// <summary>The deadline as counted from this receipt: it names the receipt and says so in its explanation.</summary>
    public CaseDeadline Applied(CaseDeadline deadline) => deadline with
    {
        CountedFromReceipt = this,
        Explanation = string.Create(
            CultureInfo.InvariantCulture,
            $"counted from receipt of the notice ({Means}, {On:yyyy-MM-dd}); {deadline.Explanation}"),
    };
}

/// <summary>
/// A deadline that starts when its notice is received, while the notice has not arrived (rejected, uncertain or
/// failing email): no clock runs until staff confirm receipt by other means or a resend is accepted.
/// </summary>
public sealed record NoticeAwaitingReceipt
{
    /// <summary>The rule whose clock waits, e.g. "P6".</summary>
    public required string RuleId { get; init; }

    /// <summary>What the deadline is for, e.g. "cure-window".</summary>
    public required string Kind { get; init; }

    public required string Citation { get; init; }

    /// <summary>The notification (as the case lists it among the undelivered ones) whose receipt starts the clock.</summary>
    public required string NotificationKey { get; set; }

    /// <summary>When the notice was first sent, in the case's time: receipt cannot be earlier.</summary>
    public required DateTimeOffset SentAt { get; init; }
}

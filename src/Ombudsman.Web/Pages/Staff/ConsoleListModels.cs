namespace Ombudsman.Web.Pages.Staff;

/// <summary>One case in a console list, worded for the reader (stage, party, dates in the office's zone).</summary>
/// <param name="ReceiptNumber">The case's receipt number, as the complainant's receipt shows it.</param>
/// <param name="CaseUrl">The case's console page.</param>
/// <param name="Stage">The stage in plain words.</param>
/// <param name="WhoActs">The party who must act next.</param>
/// <param name="LastDay">The deadline's last day to 23.59 in the office's zone, with its rule; null without a running deadline.</param>
/// <param name="Days">Days left, "last day today", or days overdue; null without a deadline.</param>
/// <param name="Overdue">The deadline passed.</param>
public sealed record ConsoleCaseRow(
    string ReceiptNumber,
    string CaseUrl,
    string Stage,
    string WhoActs,
    string? LastDay,
    string? Days,
    bool Overdue,
    string Provider,
    string Channel,
    string Received)
{
    /// <summary>The officer the case is assigned to ("me" for the reader); null when nobody is.</summary>
    public string? AssignedTo { get; init; }
}

/// <summary>My office today: each list, and a note when working days were counted without a holiday calendar.</summary>
public sealed record TodayModel(
    TodaySection Overdue,
    TodaySection DueSoon,
    TodaySection WaitingForMe,
    TodaySection NewFilings,
    TodaySection UndeliveredMail,
    string? CalendarNote)
{
    /// <summary>The open cases assigned to the reader.</summary>
    public required TodaySection AssignedToMe { get; init; }
}

/// <summary>One list of My office today: its most urgent rows, how many there are in all, and where the whole list is.</summary>
public sealed record TodaySection(IReadOnlyList<ConsoleCaseRow> Rows, int Total, string AllUrl)
{
    public bool HasMore => Total > Rows.Count;
}

/// <summary>A choice in a filter's list.</summary>
public sealed record FilterOption(string Value, string Label);

/// <summary>
/// The case list: the filters as entered (kept, with an error next to a bad one), the choices, one page of cases and
/// the addresses of the neighbouring pages and of the CSV with the same filters.
/// </summary>
public sealed record CaseListModel
{
    public required IReadOnlyDictionary<string, string> Values { get; init; }

    public required IReadOnlyDictionary<string, string> Errors { get; init; }

    public required IReadOnlyList<FilterOption> Stages { get; init; }

    public required IReadOnlyList<FilterOption> Paths { get; init; }

    public required IReadOnlyList<FilterOption> Channels { get; init; }

    /// <summary>Anyone, me, nobody, and each officer of the office the console knows.</summary>
    public required IReadOnlyList<FilterOption> Assignees { get; init; }

    public required IReadOnlyList<FilterOption> Sorts { get; init; }

    public required IReadOnlyList<ConsoleCaseRow> Rows { get; init; }

    public required string Summary { get; init; }

    public string? PreviousUrl { get; init; }

    public string? NextUrl { get; init; }

    public required string CsvUrl { get; init; }
}

/// <summary>A notification of a case that did not arrive (or may not have), with what staff can do about it.</summary>
/// <param name="CaseId">Posted back by the actions, with <paramref name="NotificationKey"/>.</param>
/// <param name="NotificationKey">The notification's idempotency key, as the case lists it.</param>
/// <param name="Error">Why the last "delivered by other means" of this notification was refused (how it was delivered).</param>
/// <param name="Waits">The deadline that starts only when this notice is received, if any, in a sentence.</param>
/// <param name="DeliveredOn">The date received as last posted (kept when the form is refused).</param>
/// <param name="DeliveredOnError">Why that date was refused.</param>
public sealed record UndeliveredMailRow(
    string ReceiptNumber,
    string CaseId,
    string CaseUrl,
    string Stage,
    string What,
    string Recipient,
    string NotificationKey,
    string? Error = null,
    string? Waits = null,
    string? DeliveredOn = null,
    string? DeliveredOnError = null);

/// <summary>The undelivered mail page; <paramref name="Notice"/> says what the last action did.</summary>
public sealed record MailModel(IReadOnlyList<UndeliveredMailRow> Rows, string? Notice, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>Undelivered mail of recently closed cases, which the system can no longer resend or record.</summary>
    public IReadOnlyList<UndeliveredMailRow> ClosedRows { get; init; } = [];
}

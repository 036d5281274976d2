namespace Ombudsman.Web.Pages.Tracking;

/// <summary>The form that opens a case by receipt number and secret, and the one that asks for a new link.</summary>
/// <param name="ReceiptNumber">Kept or prefilled.</param>
/// <param name="Errors">Field name to message, in the visitor's language.</param>
/// <param name="Notice">A message above the form (e.g. that a link no longer works), if any.</param>
public sealed record TrackFormModel(string? ReceiptNumber, IReadOnlyDictionary<string, string> Errors, string? Notice = null)
{
    public static TrackFormModel Empty { get; } = new(null, new Dictionary<string, string>());

    /// <summary>The secret as typed, kept so a typo can be corrected rather than typed again.</summary>
    public string? Secret { get; init; }

    /// <summary>The receipt number kept in the lost-link form, when that form was sent with an error.</summary>
    public string? LostLinkReceiptNumber { get; init; }
}

/// <summary>The complainant's page of one case; every text already in the visitor's language.</summary>
public sealed record CasePageModel
{
    public required string CaseId { get; init; }

    public required string ReceiptNumber { get; init; }

    public required string Office { get; init; }

    public required string Stage { get; init; }

    public required string WhatNext { get; init; }

    public required string WhoActs { get; init; }

    public required string ReceivedAt { get; init; }

    public required string DaysElapsed { get; init; }

    public bool FiledLate { get; init; }

    /// <summary>The filing window a late filing missed, in words from the case's rule set (e.g. "30 hari").</summary>
    public string FilingWindow { get; init; } = "";

    public bool Closed { get; init; }

    /// <summary>Why the case closed, in plain words, when it did.</summary>
    public string? ClosedReason { get; init; }

    public IReadOnlyList<DeadlineView> Deadlines { get; init; } = [];

    /// <summary>Deadlines that start on receipt of a notice that has not reached the complainant: they wait, one sentence each.</summary>
    public IReadOnlyList<string> AwaitingReceipt { get; init; } = [];

    public IReadOnlyList<TimelineItem> Timeline { get; init; } = [];

    public IReadOnlyList<FileItem> Files { get; init; } = [];

    /// <summary>What a successful action just did (after its redirect), if anything.</summary>
    public string? Done { get; init; }

    /// <summary>A refusal of the whole action (the window closed, the case closed), in plain words.</summary>
    public string? Refusal { get; init; }

    /// <summary>The form that completes the file; null outside the cure window.</summary>
    public CureForm? Cure { get; init; }

    /// <summary>The withdrawal form; null once the case is closed.</summary>
    public WithdrawForm? Withdraw { get; init; }
}

/// <summary>One open deadline: its last day stated inclusively, the days left, the law and how it was counted.</summary>
public sealed record DeadlineView(string What, string LastDay, string DaysLeft, bool Passed, string Citation, string? HowCounted);

/// <summary>One entry of the public timeline.</summary>
public sealed record TimelineItem(string At, string Who, string What);

/// <summary>One of the complainant's own files, with the page address that downloads it.</summary>
public sealed record FileItem(string Name, string Size, string UploadedAt, string Href);

/// <summary>The cure form's values and errors (kept when refused), and files already stored by an earlier attempt.</summary>
public sealed record CureForm(string? Note, IReadOnlyDictionary<string, string> Errors)
{
    /// <summary>What the office said is missing, if the timeline names it.</summary>
    public string? Deadline { get; init; }

    /// <summary>Files of this cure already stored (an upload after them was refused): sent again with the form.</summary>
    public IReadOnlyList<(string EvidenceId, string Name)> Kept { get; init; } = [];
}

/// <summary>The withdrawal form's reason and error.</summary>
public sealed record WithdrawForm(string? Reason, string? Error);

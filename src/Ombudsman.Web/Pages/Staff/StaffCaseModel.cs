using Ombudsman.Web.Pages.Tracking;

namespace Ombudsman.Web.Pages.Staff;

/// <summary>One case of the office as staff see it, every text already in the visitor's language.</summary>
public sealed record StaffCaseModel
{
    public required string CaseId { get; init; }

    public required string ReceiptNumber { get; init; }

    public required string Stage { get; init; }

    /// <summary>The case's key facts: path, channel, office, received, flags.</summary>
    public required IReadOnlyList<StaffFact> Facts { get; init; }

    /// <summary>The complainant asked that the provider never learn who they are (UU 25/2009 art. 42(5)).</summary>
    public required bool Confidential { get; init; }

    /// <summary>The provision protecting a confidential complainant, as the case's rule set cites it, in the member's words.</summary>
    public string ConfidentialityCitation { get; init; } = "";

    public required IReadOnlyList<StaffFact> Complainant { get; init; }

    public IReadOnlyList<StaffFact>? Representative { get; init; }

    public required IReadOnlyList<StaffFact> Provider { get; init; }

    /// <summary>What the complaint says: every item UU 25/2009 art. 42 asks of it.</summary>
    public required IReadOnlyList<StaffFact> Complaint { get; init; }

    public required IReadOnlyList<DeadlineView> Deadlines { get; init; }

    public required IReadOnlyList<StaffPastDeadline> PastDeadlines { get; init; }

    /// <summary>Deadlines that start on receipt of a notice that did not arrive: no clock runs yet; one sentence each.</summary>
    public IReadOnlyList<string> AwaitingReceipt { get; init; } = [];

    public required IReadOnlyList<StaffTimelineItem> Timeline { get; init; }

    public required IReadOnlyList<StaffFileItem> Files { get; init; }

    /// <summary>The actions this stage allows for the member's roles, each a form.</summary>
    public required IReadOnlyList<StaffActionForm> Actions { get; init; }

    /// <summary>Who handles the case, and the form to change it that the member's roles allow.</summary>
    public StaffAssignmentPanel? Assignment { get; init; }

    /// <summary>The provider's capability link, when the member's roles manage it.</summary>
    public StaffProviderLinkPanel? ProviderLink { get; init; }

    /// <summary>What the last form did (after its redirect).</summary>
    public string? Done { get; init; }

    /// <summary>Why the last form was refused.</summary>
    public string? Refusal { get; init; }
}

/// <summary>A labelled fact.</summary>
public sealed record StaffFact(string Label, string Value);

/// <summary>A deadline no longer running: what it was, when it started, how it ended.</summary>
public sealed record StaffPastDeadline(string What, string Started, string Outcome, bool Passed);

/// <summary>One timeline entry as the staff API records it: when, who, of which kind, who may see it, what.</summary>
public sealed record StaffTimelineItem(string At, string Who, string Kind, string Visibility, string What);

/// <summary>
/// A file of the case: who handed it in, its type, size and SHA-256, its download address, and a preview address for
/// an image (<see cref="ImageSrc"/>) or a PDF opened in the browser (<see cref="PdfHref"/>).
/// </summary>
public sealed record StaffFileItem(string Name, string Party, string Type, string Size, string Sha256, string UploadedAt, string Href, string? ImageSrc, string? PdfHref);

/// <summary>A case action's form: where it posts, its fields (values kept, errors next to them), whether it opens unfolded.</summary>
public sealed record StaffActionForm(string Action, string Title, string Href, IReadOnlyList<StaffActionField> Fields)
{
    public bool Open { get; init; }
}

/// <summary>
/// One detail of an action: <see cref="Type"/> is "text", "textarea", "number", "date", "select" (with
/// <see cref="Options"/>) or "checkbox" (checked when <see cref="Value"/> is "true").
/// </summary>
public sealed record StaffActionField(string Name, string Label, string Type, string? Value, string? Error, bool Required, string? Hint)
{
    public IReadOnlyList<StaffOption> Options { get; init; } = [];
}

public sealed record StaffOption(string Value, string Label);

/// <summary>
/// Issuing and revoking the provider's link on the case page. <see cref="IssuedPageUrl"/> is shown once, right after
/// issuing (the page answering that form), for staff to copy into a letter or a message when email is not enough.
/// </summary>
/// <param name="Available">A provider response deadline runs, so a link can be issued.</param>
public sealed record StaffProviderLinkPanel(string CaseId, bool Available)
{
    public string? IssuedPageUrl { get; init; }
}

/// <summary>
/// Who handles the case (<see cref="Status"/>: who, since when, by whom) and what the member may change: choose any
/// officer of the office (<see cref="Choices"/>, the head of office), take the unassigned case (<see cref="TakeAs"/>)
/// or hand back their own (<see cref="Release"/>). <see cref="Expected"/> is the assignee the page shows, posted back
/// so a change made meanwhile is not overwritten.
/// </summary>
public sealed record StaffAssignmentPanel(string Href, string Status, string Rules, string Expected)
{
    public IReadOnlyList<StaffOption>? Choices { get; init; }

    /// <summary>The officer chosen in the list (kept after an error).</summary>
    public string? Chosen { get; init; }

    public string? Error { get; init; }

    /// <summary>The member's own id, when they may take the case.</summary>
    public string? TakeAs { get; init; }

    public bool Release { get; init; }

    /// <summary>Why the member cannot change the assignment, when no form is offered.</summary>
    public string? Note { get; init; }
}

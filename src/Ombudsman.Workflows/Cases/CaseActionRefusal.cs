namespace Ombudsman.Workflows.Cases;

/// <summary>Why an action is not accepted: a stable code for clients and a reason for people.</summary>
public sealed record CaseActionRefusal(string Code, string Reason)
{
    public const string UnknownAction = "unknown-action";
    public const string NotValidInStage = "action-not-valid-in-stage";
    public const string NotValidOnPath = "action-not-valid-on-path";
    public const string ActorNotAllowed = "actor-not-allowed";
    public const string DetailsMissing = "action-details-missing";
    public const string CaseNotFound = "case-not-found";
    public const string CaseNotOpen = "case-not-open";
    public const string DeadlineNotRunning = "deadline-not-running";
    public const string DeadlineAlreadySuspended = "deadline-already-suspended";
    public const string DeadlineNotSuspended = "deadline-not-suspended";

    /// <summary>The stage takes the action, but not the case as it stands (e.g. adjudication before mediation failed).</summary>
    public const string NotValidNow = "action-not-valid-now";
}

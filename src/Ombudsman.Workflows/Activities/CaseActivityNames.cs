namespace Ombudsman.Workflows.Activities;

/// <summary>Registered names of the case activities.</summary>
internal static class CaseActivityNames
{
    public const string AssessComplaint = "AssessComplaint";
    public const string ComputeDeadline = "ComputeCaseDeadline";
    public const string SendNotification = "SendCaseNotification";
    public const string RecordCase = "RecordCase";
    public const string SuspensionAlertAt = "SuspensionAlertAt";
    public const string RuleCitation = "RuleCitation";
    public const string ResolveTransfer = "ResolveCaseTransfer";
}

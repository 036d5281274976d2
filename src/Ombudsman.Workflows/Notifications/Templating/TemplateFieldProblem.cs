namespace Ombudsman.Workflows.Notifications;

/// <summary>Why a field made rendering fail.</summary>
internal enum TemplateFieldProblem
{
    Missing,
    Unknown,
    InvalidLink,
}

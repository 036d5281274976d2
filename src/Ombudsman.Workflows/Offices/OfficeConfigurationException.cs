namespace Ombudsman.Workflows.Offices;

/// <summary>The "Offices" configuration is unusable; the message lists every problem, so one start-up shows them all.</summary>
public sealed class OfficeConfigurationException(IReadOnlyList<string> problems)
    : InvalidOperationException("The Offices configuration is invalid:" + string.Concat(problems.Select(p => "\n - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

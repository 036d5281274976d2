using Microsoft.DurableTask;
using Ombudsman.Workflows.Cases;

namespace Ombudsman.Workflows.Orchestrations;

/// <summary>
/// The case as <see cref="CaseOrchestration"/> runs it, except that the complainant hears of provider responses in
/// one digest a day instead of one email per response. A new name, because a running case replaying its history
/// under the digest would find a timer where it had sent an email (docs/CASES.md, "Versioning"): cases filed before
/// keep <see cref="CaseOrchestration"/>, new cases start here.
/// </summary>
public sealed class Case2Orchestration : TaskOrchestrator<CaseFiling, CaseOutcome>
{
    /// <summary>The orchestrator's name.</summary>
    public const string Name = "Case2";

    public override Task<CaseOutcome> RunAsync(TaskOrchestrationContext context, CaseFiling input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return CaseOrchestration.RunAsync(new CaseWorkflowContext(context, input) { DailyProviderResponseDigest = true });
    }
}

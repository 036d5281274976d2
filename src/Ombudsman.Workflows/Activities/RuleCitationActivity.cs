using Microsoft.DurableTask;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Activities;

/// <summary>
/// The citation of a rule in the case's pinned rule set, for a step that names its law without a deadline (the O7
/// offer, an O9 stop). Read in an activity so the citation is in the case's history, as a deadline's is.
/// </summary>
internal sealed class RuleCitationActivity(RuleSetCatalog catalog) : TaskActivity<RuleCitationRequest, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, RuleCitationRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Task.FromResult(catalog.Get(input.RuleSetVersion)[input.RuleId].Citation);
    }
}

/// <summary>Which rule's citation, in which rule set.</summary>
public sealed record RuleCitationRequest(string RuleSetVersion, string RuleId);

using Microsoft.DurableTask;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Activities;

/// <summary>
/// Looks up the office a case is transferred to in the configured offices, and the transfer's citation in the case's
/// pinned rule set. Done in an activity so what was configured at the time is in history: renaming an office or
/// moving it to another zone later never makes a running case replay differently.
/// </summary>
internal sealed class ResolveTransferActivity(RuleSetCatalog catalog, OfficeDirectory offices) : TaskActivity<CaseTransferRequest, CaseTransferTarget>
{
    public override Task<CaseTransferTarget> RunAsync(TaskActivityContext context, CaseTransferRequest input)
    {
        var citation = catalog.Get(input.RuleSetVersion)[CaseTransferRule.RuleId].Citation;
        if (offices.Find(input.ReceivingOffice.Trim()) is not { } office)
        {
            return Task.FromResult(new CaseTransferTarget
            {
                Citation = citation,
                Problem = $"there is no office '{input.ReceivingOffice}'; offices: {string.Join(", ", offices.Codes)}",
            });
        }

        return Task.FromResult(new CaseTransferTarget
        {
            Office = office.ForCase(),
            Citation = citation,
        });
    }
}

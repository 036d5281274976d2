using Microsoft.DurableTask;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Activities;

/// <summary>
/// Intake checks: pins the rule set in force on the filing date and applies P1 (UU 25/2009 art. 42(1)-(2)) or
/// O1 (UU 37/2008 art. 24). An activity because it reads the statute data, which may change between replays.
/// </summary>
internal sealed class AssessComplaintActivity(RuleSetCatalog catalog, FilingWindow filingWindow, ReportLimit reportLimit)
    : TaskActivity<IntakeRequest, IntakeAssessment>
{
    public override Task<IntakeAssessment> RunAsync(TaskActivityContext context, IntakeRequest input)
    {
        var complaint = input.Complaint;
        var zone = complaint.Office.TimeZone;
        var ruleSet = catalog.InForceOn(zone.DateOf(input.ReceivedAt));
        var version = ruleSet.Version;
        var citations = ruleSet.Rules.ToDictionary(r => r.Id, r => r.Citation, StringComparer.Ordinal);
        foreach (var (name, citation) in ruleSet.Provisions)
        {
            citations[name] = citation;
        }

        var assessment = new IntakeAssessment
        {
            RuleSetVersion = version,
            Citations = citations,
            StepRules = ruleSet.Rules.Where(r => r.Path == complaint.Path && r.Step is not null).ToDictionary(r => r.Step!, r => r.Id, StringComparer.Ordinal),
            Counts = ruleSet.Rules.Where(r => r.Count is not null).ToDictionary(r => r.Id, r => r.Count!.Value, StringComparer.Ordinal),
        };
        if (complaint.Path == ComplaintPath.Provider && complaint.ServiceReceivedOn is { } served)
        {
            var check = filingWindow.Check(served, input.ReceivedAt, zone, version);
            assessment = assessment with { FiledLate = check.IsLate, Explanation = check.Explanation };
        }
        else if (complaint.Path == ComplaintPath.Ombudsman && complaint.EventOn is { } happened)
        {
            var check = reportLimit.Check(happened, input.ReceivedAt, zone, version);
            assessment = assessment with { ReportTooLate = check.IsLate, Explanation = check.Explanation };
        }

        return Task.FromResult(assessment);
    }
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Api;
using Ombudsman.Web;
using Ombudsman.Web.Pages.Staff;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.StaffPages;

/// <summary>
/// How the console's lists word a case: its receipt number, the stage in plain words, who must act, and a deadline's
/// last day (inclusive, to 23.59 in the office's zone, as the parties' emails state it) with the days left or overdue
/// counted in calendar days from the office's today.
/// </summary>
internal sealed class ConsoleCaseRows(IStringLocalizer<ConsoleListText> t, TimeProvider time)
{
    public static Language Language => CultureInfo.CurrentUICulture.Name == "en" ? Language.English : Language.Indonesian;

    /// <summary>The office's date now.</summary>
    public DateOnly Today(ListedCase listed) => Zone(listed).DateOf(time.GetUtcNow());

    public static OfficeTimeZone Zone(ListedCase listed) => OfficeTimeZone.FromCode(listed.OfficeTimeZone);

    /// <summary>A row naming the deadline staff should look at first (<see cref="ListedCase.FirstDeadline"/>).</summary>
    public ConsoleCaseRow Row(ListedCase listed) => Row(listed, listed.FirstDeadline);

    public ConsoleCaseRow Row(ListedCase listed, ListedDeadline? deadline)
    {
        var zone = Zone(listed);
        var left = deadline is null ? (int?)null : deadline.DueDate.DayNumber - Today(listed).DayNumber;
        return new ConsoleCaseRow(
            CaseIds.ReceiptNumberOf(listed.CaseId),
            ConsoleRoutes.Case(listed.CaseId),
            StageName(listed.Stage),
            deadline is null ? WhoActs(listed.Stage) : WhoActs(deadline.Kind, listed.Stage),
            deadline is null ? null : $"{NotificationDates.LastDay(deadline.DueDate, zone, Language)} ({deadline.RuleId})",
            left switch
            {
                null => null,
                < 0 => string.Format(CultureInfo.CurrentCulture, t["Days.Overdue"], -left),
                0 => t["Days.LastDayToday"],
                _ => string.Format(CultureInfo.CurrentCulture, t["Days.Left"], left),
            },
            left < 0 || deadline?.Overdue == true,
            listed.ProviderName ?? "",
            ChannelName(listed.Channel),
            listed.ReceivedAt is { } received ? NotificationDates.DateTime(received, zone, Language) : "");
    }

    public string StageName(CaseStage stage) => stage switch
    {
        CaseStage.Received => t["Stage.Received"],
        CaseStage.CompletenessCheck => t["Stage.CompletenessCheck"],
        CaseStage.CureWindow => t["Stage.CureWindow"],
        CaseStage.Routing => t["Stage.Routing"],
        CaseStage.Examination => t["Stage.Examination"],
        CaseStage.Mediation => t["Stage.Mediation"],
        CaseStage.SpecialAdjudication => t["Stage.SpecialAdjudication"],
        CaseStage.Delivery => t["Stage.Delivery"],
        CaseStage.CompensationPayment => t["Stage.CompensationPayment"],
        CaseStage.CorrectiveActions => t["Stage.CorrectiveActions"],
        CaseStage.RecommendationMonitoring => t["Stage.RecommendationMonitoring"],
        CaseStage.AgreementMonitoring => t["Stage.AgreementMonitoring"],
        CaseStage.ResolutionMonitoring => t["Stage.ResolutionMonitoring"],
        _ => t["Stage.Closed"],
    };

    public string PathName(ComplaintPath path) => path == ComplaintPath.Provider ? t["Path.Provider"] : t["Path.Ombudsman"];

    public string ChannelName(IntakeChannel channel) => channel switch
    {
        IntakeChannel.Online => t["Channel.Online"],
        IntakeChannel.WalkIn => t["Channel.WalkIn"],
        IntakeChannel.WhatsApp => t["Channel.WhatsApp"],
        IntakeChannel.Phone => t["Channel.Phone"],
        IntakeChannel.Letter => t["Channel.Letter"],
        _ => t["Channel.Outreach"],
    };

    public string RecipientName(NotificationRecipient recipient) => recipient switch
    {
        NotificationRecipient.Complainant => t["Party.Complainant"],
        NotificationRecipient.Provider => t["Party.Provider"],
        _ => t["Party.Office"],
    };

    /// <summary>Who must act before a running deadline passes, by what the deadline is for.</summary>
    private string WhoActs(string kind, CaseStage stage) => kind switch
    {
        RuleSteps.CureWindow or "draft-result-response" => t["Party.Complainant"],
        "decision" or "decision-delivery" or "evidence-request" or "clarification-request" or "clarification-second-request"
            or "compensation-payment" or "corrective-actions" or "recommendation" or "agreement-monitoring" => t["Party.Provider"],
        RuleSteps.CompletenessAnswer or "mediation-round" or "adjudication-decision" or "resolution-monitoring" => t["Party.Office"],
        _ => WhoActs(stage),
    };

    /// <summary>Who must act in a stage when no deadline says more.</summary>
    private string WhoActs(CaseStage stage) => stage switch
    {
        CaseStage.CureWindow => t["Party.Complainant"],
        CaseStage.CompensationPayment or CaseStage.CorrectiveActions or CaseStage.RecommendationMonitoring or CaseStage.AgreementMonitoring => t["Party.Provider"],
        CaseStage.Closed => t["Party.Nobody"],
        _ => t["Party.Office"],
    };
}

using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Api;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Pages;
using Ombudsman.Functions.Routing;
using Ombudsman.Web;
using Ombudsman.Web.Pages;
using Ombudsman.Web.Pages.Staff;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;

namespace Ombudsman.Functions.StaffPages;

/// <summary>
/// Undelivered mail (<see cref="ConsoleRoutes.Mail"/>): the notifications of the office's open cases that did not
/// arrive or may not have (the case lists their keys), each with two actions taken on the case through the same
/// path as the staff API (office check, role, stage rules, <see cref="CaseCommands.SubmitAsync"/>): send it again,
/// or record how the party was told instead. The case takes the notification off its list before acting, so a
/// double click sends nothing twice.
/// </summary>
internal static partial class MailPages
{
    private const string NoticeResent = "resent";
    private const string NoticeResendFailed = "resend-failed";
    private const string NoticeRecorded = "recorded";
    private const string NoticeGone = "gone";
    private const string NoticeClosed = "closed";

    /// <summary>How long a closed case's undelivered mail stays listed, for staff to tell the party by other means.</summary>
    public static readonly TimeSpan ClosedCasesListedFor = TimeSpan.FromDays(30);

    public static HttpRouteTable AddMailConsoleRoutes(this HttpRouteTable routes) => routes
        .Add(StaffConsole.Page(HttpRoute.Get("StaffMail", ConsoleRoutes.Mail.TrimStart('/'), ShowAsync)))
        .Add(StaffConsole.Page(HttpRoute.Post("StaffMailResend", ConsoleRoutes.MailResend.TrimStart('/'), ResendAsync)))
        .Add(StaffConsole.Page(HttpRoute.Post("StaffMailDeliveredOtherwise", ConsoleRoutes.MailDeliveredOtherwise.TrimStart('/'), DeliveredOtherwiseAsync)));

    /// <summary>Why a "delivered by other means" form was refused: the notification's key, and the error of each field.</summary>
    private sealed record MailRefusal(string Key, string? Means, string? On, string OnValue);

    private static async Task<IResult> ShowAsync(
        HttpContext context, string? notice, string? @case, CaseReadModel readModel, TimeProvider time, IStringLocalizer<ConsoleListText> t,
        IStringLocalizer<ReceiptText> r, IStringLocalizer<ConsoleAssignText> a, PageResponder pages, CancellationToken cancellationToken)
    {
        var receipt = @case is { Length: > 0 } ? CaseIds.ReceiptNumberOf(@case) : "";
        var text = notice switch
        {
            NoticeResent => string.Format(CultureInfo.CurrentCulture, t["Mail.Resent"], receipt),
            NoticeResendFailed => string.Format(CultureInfo.CurrentCulture, t["Mail.ResendFailed"], receipt),
            NoticeRecorded => string.Format(CultureInfo.CurrentCulture, t["Mail.Recorded"], receipt),
            NoticeGone => (string)t["Mail.Gone"],
            NoticeClosed => string.Format(CultureInfo.CurrentCulture, a["Mail.Closed"], receipt),
            _ => null,
        };
        return await RenderAsync(context, readModel, time, t, r, a, pages, text, null, StatusCodes.Status200OK, cancellationToken);
    }

    private static async Task<IResult> RenderAsync(
        HttpContext context, CaseReadModel readModel, TimeProvider time, IStringLocalizer<ConsoleListText> t, IStringLocalizer<ReceiptText> r,
        IStringLocalizer<ConsoleAssignText> a, PageResponder pages, string? notice, MailRefusal? refused, int status, CancellationToken cancellationToken)
    {
        var member = StaffConsole.Member(context);
        var words = new ConsoleCaseRows(t, time);
        var cases = (await readModel.ListCaseStatusesAsync(member.Office, new CaseListQuery { EmailNotDelivered = true }, cancellationToken)).Select(c => c.Status).ToList();
        var rows = cases
            .Where(c => c.Stage != CaseStage.Closed)
            .OrderBy(c => c.CaseId, StringComparer.Ordinal)
            .SelectMany(c => c.NotDeliveredNotifications.Select(key => (Case: c, Key: key)))
            .Select(p => Row(p.Case, p.Key, words, r, a, refused is { } no && no.Key == p.Key ? no : null))
            .ToList();

        // A closed case's workflow has ended and takes no more events: its mail is listed to be told by other means.
        var since = time.GetUtcNow() - ClosedCasesListedFor;
        var closed = cases
            .Where(c => c.Stage == CaseStage.Closed && c.ClosedAt >= since)
            .OrderBy(c => c.CaseId, StringComparer.Ordinal)
            .SelectMany(c => c.NotDeliveredNotifications.Select(key => Row(c, key, words, r, a, null)))
            .ToList();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = rows.FindIndex(row => row.Error is not null || row.DeliveredOnError is not null);
        if (index >= 0 && rows[index].Error is { } meansError)
        {
            errors[$"means-{index}-{CaseEvents.OtherMeans[0]}"] = meansError;
        }

        if (index >= 0 && rows[index].DeliveredOnError is { } onError)
        {
            errors[$"on-{index}"] = onError;
        }

        return await pages.RenderAsync<MailPage>(
            context,
            new Dictionary<string, object?> { ["Staff"] = StaffConsole.Badge(context), ["Model"] = new MailModel(rows, notice, errors) { ClosedRows = closed } },
            status);
    }

    private static UndeliveredMailRow Row(
        CaseStatus status, string key, ConsoleCaseRows words, IStringLocalizer<ReceiptText> r, IStringLocalizer<ConsoleAssignText> a, MailRefusal? refused)
    {
        // A deadline the law starts on this notice's receipt waits for it: staff should know what their answer starts.
        var waits = status.AwaitingReceipt.Find(w => w.NotificationKey == key) is { } awaiting
            ? string.Format(CultureInfo.CurrentCulture, r["Mail.WaitsClock"], awaiting.RuleId, Pages.CasePages.Citation(awaiting.Citation, CultureInfo.CurrentUICulture.Name == "en" ? Workflows.Notifications.Language.English : Workflows.Notifications.Language.Indonesian))
            : null;

        // Keys are "{case}:{step}:{template}:{recipient}", a resend's with ":resend-{n}" after it.
        var parts = ResendSuffix().Replace(key, "").Split(':');
        var template = parts.Length >= 4 ? parts[^2] : key;
        var recipient = parts.Length >= 4 && Enum.TryParse<NotificationRecipient>(parts[^1], out var to) ? words.RecipientName(to) : "";
        return new UndeliveredMailRow(
            CaseIds.ReceiptNumberOf(status.CaseId),
            status.CaseId,
            ConsoleRoutes.Case(status.CaseId),
            words.StageName(status.Stage),
            TemplateName(template, a),
            recipient,
            key,
            refused?.Means,
            waits,
            refused?.OnValue,
            refused?.On);
    }

    /// <summary>What a notification is, in the reader's words rather than its template id.</summary>
    internal static string TemplateName(string template, IStringLocalizer<ConsoleAssignText> a) => template switch
    {
        NotificationTemplates.Receipt => a["Template.Receipt"],
        NotificationTemplates.FileIncomplete => a["Template.FileIncomplete"],
        NotificationTemplates.CureReminder7Days => a["Template.CureReminder7Days"],
        NotificationTemplates.CureReminder1Day => a["Template.CureReminder1Day"],
        NotificationTemplates.DeemedWithdrawn => a["Template.DeemedWithdrawn"],
        NotificationTemplates.FileCompleteRouted => a["Template.FileCompleteRouted"],
        NotificationTemplates.ProviderNewCase => a["Template.ProviderNewCase"],
        NotificationTemplates.ProviderReminder => a["Template.ProviderReminder"],
        NotificationTemplates.ProviderOverdue => a["Template.ProviderOverdue"],
        NotificationTemplates.ProviderResponseReceived => a["Template.ProviderResponseReceived"],
        NotificationTemplates.DraftResult => a["Template.DraftResult"],
        NotificationTemplates.MediationScheduled => a["Template.MediationScheduled"],
        NotificationTemplates.MediationOutcome => a["Template.MediationOutcome"],
        NotificationTemplates.DecisionDelivered => a["Template.DecisionDelivered"],
        NotificationTemplates.CompensationSet => a["Template.CompensationSet"],
        NotificationTemplates.CompensationPaid => a["Template.CompensationPaid"],
        NotificationTemplates.CompensationOverdue => a["Template.CompensationOverdue"],
        NotificationTemplates.RecommendationIssued => a["Template.RecommendationIssued"],
        NotificationTemplates.CaseClosed => a["Template.CaseClosed"],
        NotificationTemplates.StaffEscalation => a["Template.StaffEscalation"],
        NotificationTemplates.DeadlineMoved => a["Template.DeadlineMoved"],
        _ => string.Format(CultureInfo.CurrentCulture, a["Template.Other"], template),
    };

    private static Task<IResult> ResendAsync(
        HttpContext context, CaseCommands commands, CaseReadModel readModel, TimeProvider time, IStringLocalizer<ConsoleListText> t,
        IStringLocalizer<ReceiptText> r, IStringLocalizer<ConsoleAssignText> a, IStringLocalizer<Text> text, PageResponder pages, CancellationToken cancellationToken) =>
        ActAsync(context, CaseEvents.NotificationResend, commands, readModel, time, t, r, a, text, pages, cancellationToken);

    private static Task<IResult> DeliveredOtherwiseAsync(
        HttpContext context, CaseCommands commands, CaseReadModel readModel, TimeProvider time, IStringLocalizer<ConsoleListText> t,
        IStringLocalizer<ReceiptText> r, IStringLocalizer<ConsoleAssignText> a, IStringLocalizer<Text> text, PageResponder pages, CancellationToken cancellationToken) =>
        ActAsync(context, CaseEvents.NotificationDeliveredOtherwise, commands, readModel, time, t, r, a, text, pages, cancellationToken);

    private static async Task<IResult> ActAsync(
        HttpContext context, string eventName, CaseCommands commands, CaseReadModel readModel, TimeProvider time, IStringLocalizer<ConsoleListText> t,
        IStringLocalizer<ReceiptText> r, IStringLocalizer<ConsoleAssignText> a, IStringLocalizer<Text> text, PageResponder pages, CancellationToken cancellationToken)
    {
        var posted = await PageForms.ReadAsync(context);
        if (posted.Refused)
        {
            return posted.Refusal;
        }

        var member = StaffConsole.Member(context);
        var caseId = posted.Form["case"].ToString();
        var key = posted.Form["notification"].ToString();

        // Existence and office first: another office's case is a missing one, whatever else is wrong.
        var status = caseId.Length == 0 ? null : await commands.GetAsync(caseId, cancellationToken);
        if (status is null || status.Office != member.Office)
        {
            return await pages.MessageAsync(context, new MessageModel(text["Error.NotFoundTitle"], text["Error.NotFoundMessage"], IsError: true), StatusCodes.Status404NotFound);
        }

        if (!StaffActionPermissions.MayAct(member, eventName))
        {
            return await pages.MessageAsync(context, new MessageModel(t["Mail.NotYourRoleTitle"], t["Mail.NotYourRole"], IsError: true), StatusCodes.Status403Forbidden);
        }

        if (!status.NotDeliveredNotifications.Contains(key, StringComparer.Ordinal))
        {
            return PageResponder.SeeOther(Notice(NoticeGone, caseId));
        }

        if (status.Stage == CaseStage.Closed)
        {
            // The case's workflow has ended and accepts no event: say so rather than pretend it was done.
            return PageResponder.SeeOther(Notice(NoticeClosed, caseId));
        }

        var means = posted.Form["means"].ToString();
        var on = posted.Form["on"].ToString().Trim();
        var deliveredOn = DeliveredOn(on, status, key, time);
        if (eventName == CaseEvents.NotificationDeliveredOtherwise
            && (!CaseEvents.OtherMeans.Contains(means, StringComparer.Ordinal) || deliveredOn is null))
        {
            var refusal = new MailRefusal(
                key,
                CaseEvents.OtherMeans.Contains(means, StringComparer.Ordinal) ? null : t["Error.Means"].Value,
                deliveredOn is null ? r["Error.DeliveredOn"].Value : null,
                on);
            return await RenderAsync(context, readModel, time, t, r, a, pages, null, refusal, StatusCodes.Status400BadRequest, cancellationToken);
        }

        var note = posted.Form["note"].ToString().Trim();
        var action = new CaseAction
        {
            Actor = member.ToActor(),
            NotificationKey = key,
            DeliveredBy = eventName == CaseEvents.NotificationDeliveredOtherwise ? means : null,
            DeliveredOn = eventName == CaseEvents.NotificationDeliveredOtherwise ? deliveredOn!.Value.Date : null,
            Note = note.Length > 0 ? note : null,
        };
        try
        {
            await commands.SubmitAsync(caseId, eventName, action, cancellationToken);
        }
        catch (CaseActionRefusedException)
        {
            // The case closed or moved meanwhile: nothing was sent or recorded.
            var now = await commands.GetAsync(caseId, cancellationToken);
            return PageResponder.SeeOther(Notice(now?.Stage == CaseStage.Closed ? NoticeClosed : NoticeGone, caseId));
        }

        if (eventName == CaseEvents.NotificationDeliveredOtherwise)
        {
            return PageResponder.SeeOther(Notice(NoticeRecorded, caseId));
        }

        var after = await commands.GetAsync(caseId, cancellationToken);
        var failedAgain = after?.NotDeliveredNotifications.Any(k => k.StartsWith(key + ":resend-", StringComparison.Ordinal)) == true;
        return PageResponder.SeeOther(Notice(failedAgain ? NoticeResendFailed : NoticeResent, caseId));
    }

    /// <summary>
    /// The date the party received the notice, as posted: empty means today (Date null: the case takes its own today). A
    /// date that does not read as yyyy-MM-dd, lies after today in the office's zone, or before the notice was sent is
    /// refused (null); the workflow checks the same again.
    /// </summary>
    private static (DateOnly? Date, bool Valid)? DeliveredOn(string posted, CaseStatus status, string key, TimeProvider time)
    {
        if (posted.Length == 0)
        {
            return (null, true);
        }

        if (!DateOnly.TryParseExact(posted, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return null;
        }

        var zone = Workflows.Statute.OfficeTimeZone.FromCode(status.OfficeTimeZone);
        var sent = status.AwaitingReceipt.Find(w => w.NotificationKey == key)?.SentAt;
        return date > zone.DateOf(time.GetUtcNow()) || (sent is { } at && date < zone.DateOf(at)) ? null : (date, true);
    }

    private static string Notice(string notice, string caseId) =>
        $"{ConsoleRoutes.Mail}?notice={notice}&case={Uri.EscapeDataString(caseId)}";

    [GeneratedRegex(@"(:resend-\d+)+$")]
    private static partial Regex ResendSuffix();
}

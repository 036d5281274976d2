using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Tests.Cases;
using static Ombudsman.Workflows.Tests.Cases.Actors;

namespace Ombudsman.Workflows.Tests.Notifications.CaseEmail;

/// <summary>
/// Every case notification has an email, and every mapped email renders from what real cases send: the notifications
/// are recorded from cases driven through the real engine (the scenario suite's host), never written by hand, so a
/// mapped pair no case sends, or a value the email needs and the case does not send, fails here.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseEmailTemplateMapTests(AzuriteFixture azurite)
{
    private static readonly DateOnly EventInJanuary = new(2026, 1, 10);

    private static readonly IReadOnlyList<string> CaseTemplateIds = Constants(typeof(NotificationTemplates));

    /// <summary>
    /// Email templates no case notification maps to, and the code that sends them instead. Each is rendered from
    /// its own sender's data by that code's tests (named here), not from a case.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> SentOutsideCases = new Dictionary<string, string>
    {
        // The morning digest is per office, not per case: StaffDigestBuilder lists the office's deadlines
        // (StaffDigestTests renders it; StaffDigestScheduleTests sends it from the real read model).
        [TemplateIds.StaffDigest] = "StaffDigestBuilder",

        // A new tracking link is asked for by the complainant over the API, not sent by a case step:
        // TrackingLinkResender (ComplainantTokenTests.A_new_link_is_mailed_to_the_address_on_file_and_the_old_token_is_refused).
        [TemplateIds.ComplainantTrackingLink] = "TrackingLinkResender",

        // The provider's link is mailed when staff issue it over the staff API, not by a case step: ProviderLinkMailer
        // (ProviderPageTests.A_provider_opens_the_emailed_link_and_responds_with_two_documents).
        [TemplateIds.ProviderLink] = "ProviderLinkMailer",
    };

    private static readonly SemaphoreSlim RunOnce = new(1, 1);
    private static IReadOnlyList<Sent>? _sentByRealCases;

    public static IEnumerable<object[]> RequiredValues() =>
    [
        [NotificationTemplates.FileIncomplete, NotificationRecipient.Complainant, new[] { "deadline", "dueAt" }, "Deadline"],
        [NotificationTemplates.FileIncomplete, NotificationRecipient.Complainant, new[] { "citation" }, "DeadlineCitation"],
        [NotificationTemplates.CureReminder1Day, NotificationRecipient.Complainant, new[] { "missingItems" }, "MissingItems"],
        [NotificationTemplates.ProviderReminder, NotificationRecipient.Provider, new[] { "deadline", "dueAt" }, "Deadline"],
        [NotificationTemplates.ProviderOverdue, NotificationRecipient.Provider, new[] { "stage" }, "Stage"],
        [NotificationTemplates.FileCompleteRouted, NotificationRecipient.Complainant, new[] { "routedTo" }, "RoutedTo"],
        [NotificationTemplates.DraftResult, NotificationRecipient.Complainant, new[] { "draft" }, "DraftSummary"],
        [NotificationTemplates.MediationScheduled, NotificationRecipient.Provider, new[] { "round" }, "RequiredAction"],
        [NotificationTemplates.MediationOutcome, NotificationRecipient.Complainant, new[] { "result" }, "Outcome"],
        [NotificationTemplates.DecisionDelivered, NotificationRecipient.Provider, new[] { "decision", "finding", "amount" }, "DecisionSummary"],
        [NotificationTemplates.CompensationSet, NotificationRecipient.Complainant, new[] { "amount" }, "Amount"],
        [NotificationTemplates.RecommendationIssued, NotificationRecipient.Provider, new[] { "correctiveActions" }, "CorrectiveActions"],
        [NotificationTemplates.CaseClosed, NotificationRecipient.Complainant, new[] { "reason" }, "ClosureReason"],
        [NotificationTemplates.StaffEscalation, NotificationRecipient.Staff, new[] { "ruleId" }, "RuleId"],
        [NotificationTemplates.StaffEscalation, NotificationRecipient.Staff, new[] { "consequence" }, "Consequence"],
        [NotificationTemplates.DeadlineMoved, NotificationRecipient.Complainant, new[] { "previousDeadline" }, "PreviousDeadline"],
        [NotificationTemplates.DeadlineMoved, NotificationRecipient.Provider, new[] { "decreeNumber" }, "Decree"],
        [NotificationTemplates.CaseTransferred, NotificationRecipient.Complainant, new[] { "reason" }, "TransferReason"],
        [NotificationTemplates.CaseTransferred, NotificationRecipient.Staff, new[] { "receivingOffice" }, "ReceivingOffice"],
    ];

    [Fact]
    public void Every_case_notification_template_maps_to_an_email_template_of_the_recipients_role()
    {
        Assert.Equal(CaseTemplateIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), CaseEmailTemplates.Pairs.Select(p => p.CaseTemplate).Distinct().Order(StringComparer.Ordinal));
        foreach (var (caseTemplate, recipient) in CaseEmailTemplates.Pairs)
        {
            var emailTemplate = CaseEmailTemplates.For(caseTemplate, recipient);
            Assert.Contains(emailTemplate, TemplateIds.All);
            Assert.Equal(CaseEmailTemplates.Role(recipient), TemplateModels.Catalog.Get(emailTemplate, Language.Indonesian).Role);
        }

        // Every email template is sent by a case notification or by the code named in SentOutsideCases, no other.
        var mapped = CaseEmailTemplates.Pairs.Select(p => CaseEmailTemplates.For(p.CaseTemplate, p.Recipient)).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(mapped.Intersect(SentOutsideCases.Keys));
        Assert.Equal(TemplateIds.All.Order(StringComparer.Ordinal), mapped.Concat(SentOutsideCases.Keys).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_case_notification_without_an_email_template_fails_loudly_rather_than_being_dropped()
    {
        var e = Assert.Throws<NotificationContractException>(() => CaseEmailTemplates.For(NotificationTemplates.Receipt, NotificationRecipient.Staff));
        Assert.Contains("receipt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Real_cases_send_every_mapped_pair_and_each_email_renders_from_what_they_sent_in_both_languages()
    {
        var sent = await SentByRealCasesAsync();

        var produced = sent.Select(s => (s.Notification.TemplateId, s.Notification.Recipient)).ToHashSet();
        var neverSent = CaseEmailTemplates.Pairs.Where(p => !produced.Contains(p)).Select(p => $"{p.CaseTemplate} to {p.Recipient}").ToList();
        Assert.True(neverSent.Count == 0, "mapped but no real case sent: " + string.Join(", ", neverSent));

        var failures = new List<string>();
        foreach (var (notification, complaint) in sent)
        {
            foreach (var language in new[] { Language.Indonesian, Language.English })
            {
                try
                {
                    var (template, values) = Build(notification, complaint, language);
                    var email = template.Render(values);
                    Assert.Equal(template.Fields.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
                    Assert.DoesNotContain(values, v => v.Value == "-");
                    Assert.False(string.IsNullOrWhiteSpace(email.Subject));
                }
                catch (Exception e) when (e is TemplateFieldException or Xunit.Sdk.XunitException)
                {
                    failures.Add($"{notification.TemplateId} to {notification.Recipient} ({notification.IdempotencyKey}, {language.Code()}): {e.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task A_deadline_notice_from_a_real_case_states_its_last_day_inclusively()
    {
        var sent = await SentByRealCasesAsync();
        var (notification, complaint) = sent.First(s => s.Notification.TemplateId == NotificationTemplates.FileIncomplete);

        var (template, values) = Build(notification, complaint, Language.Indonesian);
        var email = template.Render(values);

        // The cure window of a complaint filed on 2 March 2026 ends on 1 April (UU 25/2009 art. 45(2)).
        Assert.Contains("1 April 2026 pukul 23.59 WIB", email.TextBody, StringComparison.Ordinal);
        Assert.Contains(StatuteWording.Citation(notification.Data["citation"], Language.Indonesian), email.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RequiredValues))]
    public async Task A_real_notification_missing_a_value_its_email_needs_fails_naming_the_field(
        string caseTemplate, NotificationRecipient recipient, string[] removed, string field)
    {
        var sent = await SentByRealCasesAsync();
        var (real, complaint) = sent.First(s => s.Notification.TemplateId == caseTemplate && s.Notification.Recipient == recipient && removed.Any(s.Notification.Data.ContainsKey));
        var data = real.Data.Where(kv => !removed.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var notification = real with { Data = data };

        var e = Assert.Throws<TemplateFieldException>(() => Build(notification, complaint, Language.Indonesian));

        Assert.Equal((field, TemplateFieldProblem.Missing), (e.Field, e.Problem));
        Assert.Contains($"'{field}'", e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{removed[0]}'", e.Message, StringComparison.Ordinal);
    }

    private static (EmailTemplate Template, Dictionary<string, string> Values) Build(CaseNotification notification, Complaint complaint, Language language)
    {
        var template = TemplateModels.Catalog.Get(CaseEmailTemplates.For(notification.TemplateId, notification.Recipient), language);
        var fields = new CaseEmailFields(CaseEmailOptions.FromConfiguration(new ConfigurationBuilder().Build()), new FakeTimeProvider(CaseScenarioHost.Filing), Ombudsman.Workflows.Tests.Statute.StatuteFixtures.Catalog);
        var values = fields.Build(template, notification, complaint, complaint.Office.Name, complaint.Office.TimeZone, "https://staf.ombudsman.test/jkt/tenggat");
        return (template, values);
    }

    private static IReadOnlyList<string> Constants(Type type) => type
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    /// <summary>What real cases sent, recorded once for the class: each scenario is a path of CaseScenarioTests.</summary>
    private async Task<IReadOnlyList<Sent>> SentByRealCasesAsync()
    {
        await RunOnce.WaitAsync();
        try
        {
            return _sentByRealCases ??= await RunRealCasesAsync();
        }
        finally
        {
            RunOnce.Release();
        }
    }

    private async Task<IReadOnlyList<Sent>> RunRealCasesAsync()
    {
        var sent = new List<Sent>();
        var wib = TimeSpan.FromHours(7);

        // Found incomplete, both cure reminders, cured, routed with the decision deadline; a provider response digest.
        await RunAsync(sent, new ComplaintBuilder().Build(), async (host, id) =>
        {
            await host.ActAsync(id, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["signature", "copy of the service receipt"] });
            await host.AdvanceToAsync(new DateTimeOffset(2026, 3, 31, 9, 0, 0, wib));
            await host.ActAsync(id, CaseEvents.CureSubmitted, By(TheComplainant, "signed form and receipt attached"));
            await host.ActAsync(id, CaseEvents.ProviderResponseSubmitted, By(TheProvider, "we are processing the certificate"));
            await host.AdvanceDaysAsync(1);
            await host.ActAsync(id, CaseEvents.EvidenceRequested, By(TheComplainant, "copy of the application register"));
        });

        // Not cured in 30 days: deemed withdrawn.
        await RunAsync(sent, new ComplaintBuilder().Build(), async (host, id) =>
        {
            await host.ActAsync(id, CaseEvents.FileIncomplete, By(Staff) with { MissingItems = ["signature"] });
            await host.AdvanceDaysAsync(31);
        });

        // No decision in 60 days: provider overdue and staff escalation; a late decision with compensation, unpaid, then paid.
        await RunAsync(sent, new ComplaintBuilder().Build(), async (host, id) =>
        {
            await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
            await host.AdvanceDaysAsync(61);
            await host.ActAsync(id, CaseEvents.DecisionIssued, By(Staff, "Refund travel costs.") with { CompensationAmount = 1_500_000, PaymentDueDate = new DateOnly(2026, 5, 20) });
            await host.ActAsync(id, CaseEvents.DecisionDelivered, By(Staff));
            await host.AdvanceToAsync(new DateTimeOffset(2026, 5, 22, 9, 0, 0, wib));
            await host.ActAsync(id, CaseEvents.PaymentConfirmed, By(TheProvider, "paid late"));
        });

        // Mediation agreed: scheduled and outcome to both parties; the agreement monitored, overdue, then carried out.
        await RunAsync(sent, new ComplaintBuilder().Build(), async (host, id) =>
        {
            await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
            await host.ActAsync(id, CaseEvents.MediationRequested, By(TheComplainant));
            await host.ActAsync(id, CaseEvents.MediationOutcome, By(Staff) with { MediationResult = MediationResult.Agreed });
            await host.AdvanceDaysAsync(31);
            await host.ActAsync(id, CaseEvents.AgreementCarriedOut, By(TheProvider));
        });

        // Report to the Ombudsman: clarification, draft result unanswered, maladministration found, recommendation.
        await RunAsync(sent, new ComplaintBuilder().ToOmbudsman(EventInJanuary).Build(), async (host, id) =>
        {
            await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
            await host.ActAsync(id, CaseEvents.MediationOffered, By(Staff));
            await host.ActAsync(id, CaseEvents.ClarificationRequested, By(Staff));
            await host.ActAsync(id, CaseEvents.ProviderResponseSubmitted, By(TheProvider, "our clarification"));
            await host.ActAsync(id, CaseEvents.DraftResultIssued, By(Staff, "Maladministration found: undue delay."));
            await host.AdvanceDaysAsync(15);
            await host.ActAsync(id, CaseEvents.DecisionIssued, By(Staff, "LHP") with { Maladministration = true, CorrectiveActions = ["issue the certificate"] });
            await host.AdvanceDaysAsync(60);
            await host.ActAsync(id, CaseEvents.RecommendationIssued, By(Staff, "Recommendation to the superior"));
        });

        // Corrective actions (O10) counted provisionally into 2027, moved by a (made-up) decree: both parties told.
        var december = new DateTimeOffset(2026, 12, 1, 9, 0, 0, wib);
        await RunAsync(sent, new ComplaintBuilder().ToOmbudsman(new DateOnly(2026, 11, 2)).Build(), async (host, id) =>
        {
            await host.ActAsync(id, CaseEvents.FileComplete, By(Staff));
            await host.ActAsync(id, CaseEvents.DecisionIssued, By(Staff, "LHP") with { Maladministration = true, CorrectiveActions = ["issue the certificate"] });
            var decree = host.Calendars!.Publish(2027, "TEST-ONLY 1/2026", new DateOnly(2026, 11, 20), host.Host.Clock.GetUtcNow(), new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 12));
            await host.Host.TellCasesAsync(decree);
        }, december);

        // A report handed from Jakarta to Papua (PO 58/2023 art. 17): the complainant and both offices' staff told.
        await RunAsync(sent, new ComplaintBuilder().ToOmbudsman(EventInJanuary).Build(), async (host, id) =>
            await host.ActAsync(id, CaseEvents.TransferOffice, By(Staff, "The reported party is in Jayapura.") with { ReceivingOffice = "PAP" }));

        // A report more than 2 years after the event: receipt, then closed as rejected.
        await RunAsync(sent, new ComplaintBuilder().ToOmbudsman(new DateOnly(2024, 2, 1)).Build(), (_, _) => Task.CompletedTask);
        return sent;
    }

    private async Task RunAsync(List<Sent> sent, Complaint complaint, Func<CaseScenarioHost, string, Task> steps, DateTimeOffset? start = null)
    {
        await using var host = await CaseScenarioHost.CreateAsync(azurite, start is { } at ? new FakeTimeProvider(at) : null, publishing: true);
        var id = await host.FileAsync(complaint);
        await steps(host, id);
        host.AssertEachStepNotifiedOnce();
        sent.AddRange(host.Notifier.Sent.Select(n => new Sent(n, complaint)));
    }

    private sealed record Sent(CaseNotification Notification, Complaint Complaint);
}

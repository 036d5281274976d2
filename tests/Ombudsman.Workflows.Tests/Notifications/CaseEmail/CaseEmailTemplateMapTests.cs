using System.Reflection;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;
using Ombudsman.Workflows.Tests.Cases;

namespace Ombudsman.Workflows.Tests.Notifications.CaseEmail;

/// <summary>Every case notification has an email, and every email renders from what the case sends (requirement 1).</summary>
public sealed class CaseEmailTemplateMapTests
{
    private static readonly IReadOnlyList<string> CaseTemplateIds = typeof(NotificationTemplates)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToList();

    public static IEnumerable<object[]> EveryPairAndLanguage() =>
        CaseEmailTemplates.Pairs.SelectMany(p => new[] { "id", "en" }.Select(lang => new object[] { p.CaseTemplate, p.Recipient, lang }));

    [Fact]
    public void Every_case_notification_template_maps_to_an_email_template_of_the_recipients_role()
    {
        Assert.Equal(20, CaseTemplateIds.Count);
        foreach (var caseTemplate in CaseTemplateIds)
        {
            var pairs = CaseEmailTemplates.Pairs.Where(p => p.CaseTemplate == caseTemplate).ToList();
            Assert.True(pairs.Count > 0, $"case notification '{caseTemplate}' has no email template");
            foreach (var (_, recipient) in pairs)
            {
                var emailTemplate = CaseEmailTemplates.For(caseTemplate, recipient);
                Assert.Contains(emailTemplate, TemplateIds.All);
                Assert.Equal(CaseEmailTemplates.Role(recipient), TemplateModels.Catalog.Get(emailTemplate, Language.Indonesian).Role);
            }
        }

        Assert.All(CaseEmailTemplates.Pairs, p => Assert.Contains(p.CaseTemplate, CaseTemplateIds));
    }

    [Fact]
    public void A_case_notification_without_an_email_template_fails_loudly_rather_than_being_dropped()
    {
        var e = Assert.Throws<NotificationContractException>(() => CaseEmailTemplates.For(NotificationTemplates.Receipt, NotificationRecipient.Staff));
        Assert.Contains("receipt", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryPairAndLanguage))]
    public void Every_mapped_email_renders_from_the_data_a_case_sends_with_no_field_missing(string caseTemplate, NotificationRecipient recipient, string language)
    {
        var emailTemplate = TemplateModels.Catalog.Get(CaseEmailTemplates.For(caseTemplate, recipient), LanguageCodes.FromCode(language));
        var fields = new CaseEmailFields(CaseEmailOptions.FromConfiguration(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()), new FakeTimeProvider(CaseScenarioHost.Filing));
        var notification = new CaseNotification
        {
            TemplateId = caseTemplate,
            Recipient = recipient,
            CaseId = "PGD-2026-000001",
            Office = "JKT",
            Language = language,
            IdempotencyKey = $"PGD-2026-000001:step:{caseTemplate}:{recipient}",
            Data = new Dictionary<string, string>
            {
                ["caseId"] = "PGD-2026-000001",
                ["office"] = "Perwakilan Jakarta Raya",
                ["stage"] = nameof(CaseStage.Examination),
                ["ruleId"] = "P8",
                ["deadline"] = "2026-05-04",
                ["dueAt"] = "2026-05-04T16:59:59.0000000+00:00",
                ["citation"] = "UU 25/2009 art. 50(1)",
            },
        };

        var values = fields.Build(
            emailTemplate, notification, new ComplaintBuilder().Build(), "Perwakilan Jakarta Raya", OfficeTimeZone.Wib, "https://staf.ombudsman.test/jkt/tenggat");
        var email = emailTemplate.Render(values);

        Assert.Equal(emailTemplate.Fields.Order(StringComparer.Ordinal), values.Keys.Order(StringComparer.Ordinal));
        if (emailTemplate.Fields.Contains("Deadline"))
        {
            var expected = language == "en" ? "4 May 2026, 23:59 WIB (UU 25/2009 art. 50(1))" : "4 Mei 2026 pukul 23.59 WIB (UU 25/2009 art. 50(1))";
            Assert.Contains(expected, email.TextBody, StringComparison.Ordinal);
        }

        if (recipient == NotificationRecipient.Provider)
        {
            Assert.DoesNotContain("Siti Rahayu", email.TextBody, StringComparison.Ordinal);
        }
    }
}

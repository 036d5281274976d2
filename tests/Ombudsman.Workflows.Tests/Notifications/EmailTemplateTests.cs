using System.Reflection;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

public sealed class EmailTemplateTests
{
    [Theory]
    [MemberData(nameof(TemplateModels.EveryTemplateAndLanguage), MemberType = typeof(TemplateModels))]
    public void Every_template_renders_with_a_complete_model_using_every_field_and_leaving_no_placeholder(string templateId, string languageCode)
    {
        var template = TemplateModels.Catalog.Get(templateId, LanguageCodes.FromCode(languageCode));
        var values = TemplateModels.Complete(templateId, template.Language);

        var email = template.Render(values);

        Assert.NotEmpty(template.Fields);
        foreach (var part in new[] { email.Subject, email.TextBody, email.HtmlBody })
        {
            Assert.DoesNotContain("{{", part, StringComparison.Ordinal);
            Assert.DoesNotContain("}}", part, StringComparison.Ordinal);
        }

        foreach (var field in template.Fields)
        {
            var marker = TemplateModels.Marker(field);
            Assert.True(email.Subject.Contains(marker, StringComparison.Ordinal) || email.TextBody.Contains(marker, StringComparison.Ordinal), $"{field} not in the text part");
            Assert.True(email.Subject.Contains(marker, StringComparison.Ordinal) || email.HtmlBody.Contains(marker, StringComparison.Ordinal), $"{field} not in the HTML part");
        }

        Assert.Contains($"<html lang=\"{languageCode}\">", email.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TemplateModels.EveryTemplateAndLanguage), MemberType = typeof(TemplateModels))]
    public void A_template_with_a_deadline_states_it_with_its_legal_citation_in_both_parts(string templateId, string languageCode)
    {
        var template = TemplateModels.Catalog.Get(templateId, LanguageCodes.FromCode(languageCode));
        if (!template.Fields.Contains("Deadline"))
        {
            Assert.DoesNotContain("DeadlineCitation", template.Fields);
            Assert.DoesNotContain("DeadlineNote", template.Fields);
            return;
        }

        var values = TemplateModels.Complete(templateId, template.Language);
        values["Deadline"] = "15 Desember 2026";
        values["DeadlineNote"] = "";
        values["DeadlineCitation"] = "UU 25/2009 art. 45(2)-(3)";

        var email = template.Render(values);

        Assert.Contains("15 Desember 2026 (UU 25/2009 art. 45(2)-(3))", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("UU 25/2009 art. 45(2)-(3)", email.HtmlBody, StringComparison.Ordinal);
    }

    [Theory] // A deadline counted into a year without a holiday decree carries its note right after the date, in both parts
    [MemberData(nameof(TemplateModels.EveryTemplateAndLanguage), MemberType = typeof(TemplateModels))]
    public void A_template_with_a_deadline_says_right_after_it_when_it_is_provisional(string templateId, string languageCode)
    {
        var template = TemplateModels.Catalog.Get(templateId, LanguageCodes.FromCode(languageCode));
        if (!template.Fields.Contains("Deadline"))
        {
            return;
        }

        var values = TemplateModels.Complete(templateId, template.Language);
        values["Deadline"] = "15 Januari 2027";
        values["DeadlineNote"] = " (sementara)";

        var email = template.Render(values);

        Assert.Contains("15 Januari 2027 (sementara)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("15 Januari 2027 (sementara)", email.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TemplateModels.EveryTemplateAndLanguage), MemberType = typeof(TemplateModels))]
    public void A_complainant_template_carries_the_case_number_and_the_tracking_link(string templateId, string languageCode)
    {
        var template = TemplateModels.Catalog.Get(templateId, LanguageCodes.FromCode(languageCode));
        if (template.Role != RecipientRole.Complainant)
        {
            return;
        }

        var email = template.Render(TemplateModels.Complete(templateId, template.Language));

        Assert.Contains(TemplateModels.Marker("CaseNumber"), email.Subject, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{TemplateModels.Marker("TrackingLink")}\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(TemplateModels.Marker("TrackingLink"), email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_catalog_holds_exactly_the_notifications_of_the_statute_in_both_languages()
    {
        // Derived, not counted: every id declared in TemplateIds is listed in All once, and the embedded files are
        // exactly one per id and language, so an id without files or a file without an id fails.
        var declared = typeof(TemplateIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(declared.Order(StringComparer.Ordinal), TemplateIds.All.Order(StringComparer.Ordinal));
        var embedded = typeof(TemplateIds).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Ombudsman.Workflows.Notifications.Templates.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        var expected = from id in TemplateIds.All
                       from language in Enum.GetValues<Language>()
                       select $"Ombudsman.Workflows.Notifications.Templates.{id}.{language.Code()}.txt";
        Assert.Equal(expected.Order(StringComparer.Ordinal), embedded);
        Assert.Equal(TemplateIds.All.Order(StringComparer.Ordinal), TemplateModels.Catalog.TemplateIds);
    }

    [Fact]
    public void Rendering_without_a_declared_field_throws_naming_template_language_and_field()
    {
        var values = TemplateModels.Complete(TemplateIds.ComplainantFileIncomplete, Language.English);
        values.Remove("DeadlineCitation");
        var template = TemplateModels.Catalog.Get(TemplateIds.ComplainantFileIncomplete, Language.English);

        var error = Assert.Throws<TemplateFieldException>(() => template.Render(values));

        Assert.Equal(TemplateIds.ComplainantFileIncomplete, error.TemplateId);
        Assert.Equal(Language.English, error.Language);
        Assert.Equal("DeadlineCitation", error.Field);
        Assert.Equal(TemplateFieldProblem.Missing, error.Problem);
        Assert.Contains("complainant-file-incomplete (en)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'DeadlineCitation'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rendering_with_a_field_the_template_does_not_declare_throws()
    {
        var values = TemplateModels.Complete(TemplateIds.ProviderNewCase);
        values["ComplainantName"] = "Siti Rahayu";

        var error = Assert.Throws<TemplateFieldException>(() => TemplateModels.Catalog.Get(TemplateIds.ProviderNewCase, Language.Indonesian).Render(values));

        Assert.Equal("ComplainantName", error.Field);
        Assert.Equal(TemplateFieldProblem.Unknown, error.Problem);
    }

    [Fact]
    public void Values_are_html_encoded_in_the_html_part_and_verbatim_in_the_text_part()
    {
        var values = TemplateModels.Complete(TemplateIds.ComplainantCaseClosed);
        values["ClosureReason"] = "<script>alert(1)</script> & \"quoted\"";
        var email = TemplateModels.Catalog.Get(TemplateIds.ComplainantCaseClosed, Language.Indonesian).Render(values);

        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script> & \"quoted\"", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_line_value_in_a_list_item_becomes_one_item_per_line()
    {
        var values = TemplateModels.Complete(TemplateIds.ComplainantFileIncomplete);
        values["MissingItems"] = "Fotokopi KTP\nBukti pembayaran retribusi";
        var email = TemplateModels.Catalog.Get(TemplateIds.ComplainantFileIncomplete, Language.Indonesian).Render(values);

        Assert.Contains("- Fotokopi KTP\n- Bukti pembayaran retribusi\n", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<li>Fotokopi KTP</li>\n<li>Bukti pembayaran retribusi</li>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_link_field_that_is_not_an_http_url_is_refused()
    {
        var values = TemplateModels.Complete(TemplateIds.ComplainantReceipt);
        values["TrackingLink"] = "javascript:alert(1)";

        var error = Assert.Throws<TemplateFieldException>(() => TemplateModels.Catalog.Get(TemplateIds.ComplainantReceipt, Language.Indonesian).Render(values));

        Assert.Equal(TemplateFieldProblem.InvalidLink, error.Problem);
        Assert.Equal("TrackingLink", error.Field);
    }

    [Fact]
    public void A_line_break_in_a_value_cannot_break_out_of_the_subject()
    {
        var values = TemplateModels.Complete(TemplateIds.ComplainantReceipt);
        values["CaseNumber"] = "PGD-1\r\nBcc: someone@example.test";

        var email = TemplateModels.Catalog.Get(TemplateIds.ComplainantReceipt, Language.Indonesian).Render(values);

        Assert.Equal("Tanda terima pengaduan PGD-1 Bcc: someone@example.test", email.Subject);
    }

    [Fact]
    public void A_provider_template_that_declares_a_complainant_identity_field_is_refused_at_load()
    {
        const string source = "role: provider\nfields: CaseNumber, ComplainantName\nsubject: {{CaseNumber}}\n---\nFrom {{ComplainantName}}\n";

        var error = Assert.Throws<TemplateDefinitionException>(() => EmailTemplate.Parse("provider-bad", Language.Indonesian, source));

        Assert.Contains("ComplainantName", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("role: staff\nfields: A, B\nsubject: {{A}}\n---\nbody\n", "'B' is never used")]
    [InlineData("role: staff\nfields: A\nsubject: {{A}}\n---\nbody {{C}}\n", "{{C}} is not declared")]
    [InlineData("role: staff\nfields: A\nsubject: {{A}}\n---\nbody {{ A }}\n", "malformed placeholder")]
    [InlineData("role: staff\nfields: A\nsubject: {{A}}\nbody\n", "no '---' line")]
    [InlineData("role: nobody\nfields: A\nsubject: {{A}}\n---\nbody\n", "unknown role")]
    public void A_malformed_template_file_is_refused_at_load_with_the_reason(string source, string reason)
    {
        var error = Assert.Throws<TemplateDefinitionException>(() => EmailTemplate.Parse("bad", Language.English, source));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_templates_never_declare_complainant_identity_fields()
    {
        foreach (var id in TemplateIds.All)
        {
            var template = TemplateModels.Catalog.Get(id, Language.Indonesian);
            if (template.Role == RecipientRole.Provider)
            {
                Assert.DoesNotContain(template.Fields, EmailTemplate.ComplainantIdentityFields.Contains);
            }
        }
    }
}

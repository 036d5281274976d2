using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.StaffPages;
using Ombudsman.Web;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>
/// The console's case page offers exactly what the case's rules allow a member's roles, and every action it offers has a
/// form of its own: its own title, labels and choices in both languages, and the choices the case's rules take.
/// </summary>
public sealed class StaffActionFormTests
{
    /// <summary>Dealt with on the undelivered-mail page, not by a form on the case page.</summary>
    private static readonly string[] NotOnTheCasePage = [CaseEvents.NotificationResend, CaseEvents.NotificationDeliveredOtherwise];

    [Theory]
    [InlineData("id")]
    [InlineData("en")]
    public void Every_action_offered_in_any_stage_on_either_path_to_any_role_has_a_form_with_its_own_worded_title(string language)
    {
        using var culture = new UiCulture(language);
        var view = View();
        var offered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in Enum.GetValues<CaseStage>())
        {
            foreach (var path in Enum.GetValues<ComplaintPath>())
            {
                foreach (var role in StaffRoles.All)
                {
                    var member = new StaffMember { Id = "1", Name = "n", Office = "JKT", Roles = [role] };
                    foreach (var action in StaffCaseView.OfferedActions(member, stage, path).Except(NotOnTheCasePage))
                    {
                        offered.Add(action);
                        var form = view.Form("case-1", action, path, Shipped, null);
                        Assert.Equal(action, form.Action);
                        Assert.DoesNotContain(form.Fields.Select(f => f.Label).Append(form.Title), text => text.StartsWith("Action.", StringComparison.Ordinal) || text.StartsWith("Field.", StringComparison.Ordinal));
                        Assert.All(form.Fields.SelectMany(f => f.Options), o => Assert.DoesNotContain(".", o.Label.Split(' ')[0], StringComparison.Ordinal));
                    }
                }
            }
        }

        // The steps the statute names beyond the main path are among them.
        Assert.Superset(
            new HashSet<string>([CaseEvents.MediationOffered, CaseEvents.AgreementCarriedOut, CaseEvents.ExaminationStopped, CaseEvents.RecommendationIssued, CaseEvents.AdjudicationRequested]),
            offered);

        // No action borrows another's title (an action missing from the titles would be called "close the case").
        var titles = offered.Select(view.ActionName).ToList();
        Assert.Equal(titles.Count, titles.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_closing_form_offers_exactly_the_reasons_staff_may_close_with_referred_and_unresolved_among_them()
    {
        var form = View().Form("case-1", CaseEvents.CloseCase, ComplaintPath.Ombudsman, Shipped, null);

        var reasons = Assert.Single(form.Fields, f => f.Name == StaffCaseView.FieldName(CaseEvents.CloseCase, "closedReason")).Options.Select(o => o.Value);

        Assert.Equal(CaseStageRules.StaffClosingReasons.Select(r => r.ToString()), reasons);
        Assert.Contains(nameof(CaseClosedReason.Referred), reasons);
        Assert.Contains(nameof(CaseClosedReason.Unresolved), reasons);
    }

    [Fact]
    public void Stopping_an_examination_asks_for_a_reason_from_the_list_and_an_explanation()
    {
        var form = View().Form("case-1", CaseEvents.ExaminationStopped, ComplaintPath.Ombudsman, Shipped, null);

        var reason = Assert.Single(form.Fields, f => f.Name == StaffCaseView.FieldName(CaseEvents.ExaminationStopped, "stopReason"));
        var note = Assert.Single(form.Fields, f => f.Name == StaffCaseView.FieldName(CaseEvents.ExaminationStopped, "note"));
        Assert.True(reason.Required && note.Required);
        Assert.Equal(ExaminationStopReasons.Names, reason.Options.Select(o => o.Value));
        Assert.All(reason.Options, o => Assert.NotNull(ExaminationStopReasons.Parse(o.Value)));
    }

    [Theory]
    [InlineData("id", "PO 58/2023 pasal 17")]
    [InlineData("en", "PO 58/2023 art. 17")]
    public void The_transfer_form_cites_the_transfer_rule_of_the_cases_rule_set(string language, string citation)
    {
        using var culture = new UiCulture(language);

        var form = View().Form("case-1", CaseEvents.TransferOffice, ComplaintPath.Ombudsman, Shipped, null, office: "JKT");

        var office = Assert.Single(form.Fields, f => f.Name == StaffCaseView.FieldName(CaseEvents.TransferOffice, "receivingOffice"));
        Assert.Contains($"({citation})", office.Hint, StringComparison.Ordinal);
    }

    private static readonly RuleSet Shipped = StatuteDataLoader.Load(new StatuteOptions()).Catalog.Get("2025.1");

    private static StaffCaseView View()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();

        // The form and the titles read only the console's texts; the case's data sources are not asked.
        return new StaffCaseView(
            null!,
            null!,
            null!,
            null!,
            null!,
            null!,
            TimeProvider.System,
            services.GetRequiredService<IStringLocalizer<ConsoleCaseText>>(),
            services.GetRequiredService<IStringLocalizer<ConsoleTransferText>>(),
            new Ombudsman.Workflows.Offices.OfficeDirectory(Ombudsman.Workflows.Offices.OfficeDirectory.DevelopmentOffices),
            services.GetRequiredService<IStringLocalizer<ConsoleAssignText>>(),
            services);
    }

    private sealed class UiCulture : IDisposable
    {
        private readonly CultureInfo _before = CultureInfo.CurrentUICulture;

        public UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = _before;
    }
}

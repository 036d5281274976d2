using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;
using static Ombudsman.Functions.Tests.Staff.StaffApp;

namespace Ombudsman.Functions.Tests.Staff;

/// <summary>
/// The staff API on the real app over HTTP, with the workflows on Azurite: lists by stage and by deadline, actions
/// recorded with who and when, an office's cases invisible to other offices, and actions limited by staff role.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StaffEndpointsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Cases_are_listed_by_stage_for_my_office_only()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var checking = await app.FileCaseAsync(Jakarta, JakartaIntake);
        var examined = await app.FileCaseAsync(Jakarta, JakartaIntake);
        var elsewhere = await app.FileCaseAsync(Bandung, BandungHead);

        using var complete = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{examined}/actions/file-complete", JakartaIntake);
        await ReadAsync(complete, HttpStatusCode.Accepted);
        await app.StageAsync(examined, JakartaIntake, "examination");
        var inCheck = Ids(await app.GetJsonAsync("/api/staff/cases?stage=completenessCheck", JakartaExaminer));
        var inExamination = Ids(await app.GetJsonAsync("/api/staff/cases?stage=Examination", JakartaExaminer));
        var all = Ids(await app.GetJsonAsync("/api/staff/cases", JakartaExaminer));
        var bandung = Ids(await app.GetJsonAsync("/api/staff/cases", BandungHead));
        var badStage = await app.GetJsonAsync("/api/staff/cases?stage=tea-break", JakartaExaminer, HttpStatusCode.BadRequest);

        Assert.Equal(new[] { checking }, inCheck);
        Assert.Equal(new[] { examined }, inExamination);
        Assert.Equal(new[] { checking, examined }.Order(StringComparer.Ordinal), all.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(elsewhere, all);
        Assert.Equal(new[] { elsewhere }, bandung);
        Assert.Equal("invalid-stage", badStage.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task Cases_and_deadlines_are_listed_by_due_date_with_their_citation()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake);
        var elsewhere = await app.FileCaseAsync(Bandung, BandungHead);
        var now = app.App.Service<TimeProvider>().GetUtcNow();

        // P5: staff have 14 days from receipt to check the file (UU 25/2009 art. 45(1)).
        var dueInAMonth = Ids(await app.GetJsonAsync($"/api/staff/cases?dueBefore={Iso(now.AddDays(30))}", JakartaExaminer));
        var dueTomorrow = Ids(await app.GetJsonAsync($"/api/staff/cases?dueBefore={Iso(now.AddDays(1))}", JakartaExaminer));
        var deadlines = await app.GetJsonAsync($"/api/staff/deadlines?from={Iso(now.AddDays(-1))}&to={Iso(now.AddDays(30))}", JakartaExaminer);
        var badRange = await app.GetJsonAsync($"/api/staff/deadlines?from={Iso(now)}&to={Iso(now.AddDays(-1))}", JakartaExaminer, HttpStatusCode.BadRequest);

        Assert.Equal(new[] { caseId }, dueInAMonth);
        Assert.Empty(dueTomorrow);
        var deadline = Assert.Single(deadlines.EnumerateArray());
        Assert.Equal(caseId, deadline.GetProperty("caseId").GetString());
        Assert.Equal("P5", deadline.GetProperty("ruleId").GetString());
        Assert.Contains("45", deadline.GetProperty("citation").GetString(), StringComparison.Ordinal);
        Assert.InRange(deadline.GetProperty("dueAt").GetDateTimeOffset(), now.AddDays(13), now.AddDays(16));
        Assert.DoesNotContain(elsewhere, deadlines.EnumerateArray().Select(d => d.GetProperty("caseId").GetString()));
        Assert.Equal("invalid-range", badRange.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_action_is_recorded_in_the_timeline_with_the_staff_member_and_the_time()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake);

        using var response = await app.SendAsync(
            HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/file-incomplete", JakartaIntake, new { missingItems = new[] { "copy of KTP" }, note = "KTP missing" });
        var accepted = await ReadAsync(response, HttpStatusCode.Accepted);
        // The cure window's deadline (P6) is computed by an activity just after the stage starts.
        var status = await app.CaseAsync(
            caseId, JakartaIntake, c => c.GetProperty("stage").GetString() == "cureWindow" && c.GetProperty("openDeadlines").EnumerateArray().Any(d => d.GetProperty("ruleId").GetString() == "P6"));

        var entry = Assert.Single(status.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("actor").GetProperty("id").GetString() == "198701-01");
        Assert.Equal($"/api/staff/cases/{caseId}", response.Headers.Location?.OriginalString);
        Assert.Equal("198701-01", accepted.GetProperty("actor").GetProperty("id").GetString());
        Assert.Equal("staff", entry.GetProperty("actor").GetProperty("role").GetString());
        Assert.Equal("Dewi Lestari, intake-officer", entry.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal("file-incomplete: KTP missing", entry.GetProperty("what").GetString());
        Assert.True(entry.GetProperty("at").GetDateTimeOffset() >= status.GetProperty("receivedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task An_action_answers_once_applied_so_the_next_action_sent_at_once_sees_its_stage()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake);

        // As a client (or the worked example in docs/API.md) sends them: back to back, without polling in between.
        using var incomplete = await app.SendAsync(
            HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/file-incomplete", JakartaIntake, new { missingItems = new[] { "copy of KTP" } });
        using var cure = await app.SendAsync(
            HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/cure-submitted", JakartaIntake, new { note = "KTP brought to the counter" });

        await ReadAsync(incomplete, HttpStatusCode.Accepted);
        await ReadAsync(cure, HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task A_case_goes_through_examination_mediation_and_the_agreement_to_closure_by_staff_actions_each_in_the_timeline()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake);

        await ActAsync(app, caseId, "file-complete", JakartaIntake, new { note = "all art. 42 items present" });
        await app.StageAsync(caseId, JakartaExaminer, "examination");
        await ActAsync(app, caseId, "mediation-requested", JakartaExaminer, new { note = "both parties agree to mediate" });
        await app.StageAsync(caseId, JakartaExaminer, "mediation");
        await ActAsync(app, caseId, "mediation-outcome", JakartaExaminer, new { mediationResult = "agreed", note = "certificate to be issued" });
        await app.StageAsync(caseId, JakartaExaminer, "agreementMonitoring");
        await ActAsync(app, caseId, "agreement-carried-out", JakartaExaminer, new { note = "certificate issued" });
        var closed = await app.StageAsync(caseId, JakartaExaminer, "closed");

        // The closure step still notifies the parties; once the workflow has ended the case takes no actions.
        await Polling.UntilAsync(() => app.App.Durable.GetInstanceAsync(caseId), s => s?.RuntimeStatus == OrchestrationRuntimeStatus.Completed);
        using var late = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/close-case", JakartaHead, new { closedReason = "rejected", note = "too late" });

        var byStaff = closed.GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("actor").GetProperty("role").GetString() == "staff")
            .Select(e => (Id: e.GetProperty("actor").GetProperty("id").GetString()!, What: e.GetProperty("what").GetString()!))
            .ToList();
        Assert.Equal(
            new[]
            {
                ("198701-01", "file-complete: all art. 42 items present"),
                ("198702-02", "mediation-requested: both parties agree to mediate"),
                ("198702-02", "mediation-outcome: certificate to be issued"),
                ("198702-02", "agreement-carried-out: certificate issued"),
            },
            byStaff);
        Assert.Equal("resolved", closed.GetProperty("closedReason").GetString());
        Assert.Equal("case-not-open", (await ReadAsync(late, HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Staff_of_another_office_get_404_for_the_case_and_its_actions_as_for_a_missing_case()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake);

        var foreign = await app.GetJsonAsync($"/api/staff/cases/{caseId}", BandungHead, HttpStatusCode.NotFound);
        var missing = await app.GetJsonAsync("/api/staff/cases/case-that-does-not-exist", BandungHead, HttpStatusCode.NotFound);
        using var act = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/close-case", BandungHead, new { closedReason = "rejected", note = "not ours" });
        var actProblem = await ReadAsync(act, HttpStatusCode.NotFound);
        var status = await app.GetJsonAsync($"/api/staff/cases/{caseId}", JakartaHead);

        Assert.Equal("case-not-found", foreign.GetProperty("code").GetString());
        Assert.Equal(missing.GetProperty("code").GetString(), foreign.GetProperty("code").GetString());
        Assert.Equal("case-not-found", actProblem.GetProperty("code").GetString());
        Assert.Equal("completenessCheck", status.GetProperty("stage").GetString());
        Assert.DoesNotContain(status.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("actor").GetProperty("id").GetString() == "199001-04");
    }

    [Fact]
    public async Task A_role_not_allowed_to_take_an_action_gets_403_and_nothing_changes()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake);

        using var response = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/file-complete", JakartaExaminer);
        var problem = await ReadAsync(response, HttpStatusCode.Forbidden);
        var status = await app.GetJsonAsync($"/api/staff/cases/{caseId}", JakartaExaminer);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("role-not-allowed", problem.GetProperty("code").GetString());
        Assert.Contains("intake-officer", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("completenessCheck", status.GetProperty("stage").GetString());
        Assert.DoesNotContain(status.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("actor").GetProperty("id").GetString() == "198702-02");
    }

    [Fact]
    public async Task An_action_the_workflow_refuses_is_problem_json_with_the_refusal_code()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaIntake);

        using var wrongStage = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/mediation-outcome", JakartaHead, new { mediationResult = "agreed" });
        using var noItems = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/file-incomplete", JakartaIntake, new { note = "something is missing" });
        using var unknown = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/make-tea", JakartaHead);

        Assert.Equal("action-not-valid-in-stage", (await ReadAsync(wrongStage, HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal("action-details-missing", (await ReadAsync(noItems, HttpStatusCode.BadRequest)).GetProperty("code").GetString());
        Assert.Equal("unknown-action", (await ReadAsync(unknown, HttpStatusCode.NotFound)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_request_without_a_staff_identity_is_401()
    {
        await using var app = await StaffApp.StartAsync(azurite);

        using var anonymous = await app.SendAsync(HttpMethod.Get, "/api/staff/cases", staff: null);
        using var noRole = await app.SendAsync(HttpMethod.Get, "/api/staff/cases", "1;JKT;gardener");

        Assert.Equal("unauthenticated", (await ReadAsync(anonymous, HttpStatusCode.Unauthorized)).GetProperty("code").GetString());
        Assert.Equal("forbidden", (await ReadAsync(noRole, HttpStatusCode.Forbidden)).GetProperty("code").GetString());
    }

    private static async Task ActAsync(StaffApp app, string caseId, string action, string staff, object body)
    {
        using var response = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/{action}", staff, body);
        await ReadAsync(response, HttpStatusCode.Accepted);
    }

    private static List<string> Ids(JsonElement cases) => [.. cases.EnumerateArray().Select(c => c.GetProperty("caseId").GetString()!)];

    private static string Iso(DateTimeOffset instant) => Uri.EscapeDataString(instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}

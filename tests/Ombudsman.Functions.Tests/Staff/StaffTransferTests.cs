using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Functions.Tests.Staff.StaffApp;

namespace Ombudsman.Functions.Tests.Staff;

/// <summary>
/// Handing a report to another office (PO 58/2023 art. 17) through the staff action endpoint: the head of office alone
/// transfers, to a configured other office; afterwards the sending office answers the case as missing and the receiving
/// office has it in its list, under the same id, with its deadline's last day in its own zone.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class StaffTransferTests(AzuriteFixture azurite)
{
    private const string PapuaHead = "199201-05;PAP;head-of-office;Markus Wenda";

    private static JsonObject Body(string? office, string? note = "The reported party is in Jayapura.") =>
        new() { ["receivingOffice"] = office, ["note"] = note };

    private static async Task<JsonElement> ActAsync(StaffApp app, string caseId, string staff, JsonObject body, HttpStatusCode expected)
    {
        using var response = await app.SendAsync(HttpMethod.Post, $"/api/staff/cases/{caseId}/actions/transfer-office", staff, body);
        return await ReadAsync(response, expected);
    }

    [Fact]
    public async Task After_a_transfer_the_sending_office_gets_404_and_the_receiving_office_lists_the_case()
    {
        await using var app = await StaffApp.StartAsync(azurite);
        var caseId = await app.FileCaseAsync(Jakarta, JakartaHead, ComplaintPath.Ombudsman);
        var before = await app.GetJsonAsync($"/api/staff/cases/{caseId}", JakartaHead);
        var lastDay = before.GetProperty("openDeadlines")[0].GetProperty("dueDate").GetString();

        var examiner = await ActAsync(app, caseId, JakartaExaminer, Body("PAP"), HttpStatusCode.Forbidden);
        var unknown = await ActAsync(app, caseId, JakartaHead, Body("XYZ"), HttpStatusCode.BadRequest);
        var own = await ActAsync(app, caseId, JakartaHead, Body("JKT"), HttpStatusCode.BadRequest);
        var noReason = await ActAsync(app, caseId, JakartaHead, Body("PAP", note: null), HttpStatusCode.BadRequest);
        var elsewhere = await ActAsync(app, caseId, PapuaHead, Body("PAP"), HttpStatusCode.NotFound);
        Assert.Equal("role-not-allowed", examiner.GetProperty("code").GetString());
        Assert.Equal(("receivingOffice", "invalid-receiving-office"), (unknown.GetProperty("errors")[0].GetProperty("field").GetString(), unknown.GetProperty("errors")[0].GetProperty("code").GetString()));
        Assert.Contains("PAP", unknown.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("invalid-receiving-office", own.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("action-details-missing", noReason.GetProperty("code").GetString());
        Assert.Equal("case-not-found", elsewhere.GetProperty("code").GetString());
        Assert.Equal("JKT", (await app.GetJsonAsync($"/api/staff/cases/{caseId}", JakartaHead)).GetProperty("office").GetString());

        await ActAsync(app, caseId, JakartaHead, Body("pap"), HttpStatusCode.Accepted);

        // The receiving office sees it once the case has moved; from then on the sending office has no such case.
        var moved = await app.CaseAsync(caseId, PapuaHead, c => c.GetProperty("office").GetString() == "PAP");
        Assert.Equal(caseId, moved.GetProperty("caseId").GetString());
        var deadline = moved.GetProperty("openDeadlines")[0];
        Assert.Equal(lastDay, deadline.GetProperty("dueDate").GetString());
        // The same last day, now ending at midnight in Jayapura (WIT, UTC+9).
        var endsAt = deadline.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(9));
        Assert.Equal((DateOnly.Parse(lastDay!, System.Globalization.CultureInfo.InvariantCulture).AddDays(1), TimeSpan.Zero), (DateOnly.FromDateTime(endsAt.DateTime), endsAt.TimeOfDay));
        Assert.Contains(moved.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("what").GetString()!.Contains("(PO 58/2023 art. 17)", StringComparison.Ordinal));

        var gone = await app.GetJsonAsync($"/api/staff/cases/{caseId}", JakartaHead, HttpStatusCode.NotFound);
        Assert.Equal("case-not-found", gone.GetProperty("code").GetString());
        await ActAsync(app, caseId, JakartaHead, Body("BAL"), HttpStatusCode.NotFound);
        Assert.DoesNotContain((await app.GetJsonAsync("/api/staff/cases", JakartaHead)).EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);
        Assert.Contains((await app.GetJsonAsync("/api/staff/cases", PapuaHead)).EnumerateArray(), c => c.GetProperty("caseId").GetString() == caseId);
        Assert.DoesNotContain((await app.GetJsonAsync("/api/staff/deadlines", JakartaHead)).EnumerateArray(), d => d.GetProperty("caseId").GetString() == caseId);
        Assert.Contains((await app.GetJsonAsync("/api/staff/deadlines", PapuaHead)).EnumerateArray(), d => d.GetProperty("caseId").GetString() == caseId);
    }
}

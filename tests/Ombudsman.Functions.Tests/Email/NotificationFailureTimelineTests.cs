using System.Net;
using System.Text.Json;
using Ombudsman.Functions.Tests.Cases;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Email;

/// <summary>
/// An email that could not be delivered is recorded for staff with its reason; the complainant's timeline never
/// carries that text (SendGrid's answer, an address, a configuration problem).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class NotificationFailureTimelineTests(AzuriteFixture azurite)
{
    private const string Staff = "198701-01;JKT;intake-officer;Dewi Lestari";

    [Fact]
    public async Task A_receipt_SendGrid_refused_is_explained_to_staff_and_never_shown_on_the_complainants_timeline()
    {
        await using var sendGrid = await FakeSendGridServer.StartAsync();
        sendGrid.Enqueue(FakeSendGridResponse.BadRequest("The to email does not contain a valid address."));
        // Before 07:00 in every office, so no morning digest takes the scripted answer meant for the receipt.
        await using var app = await TestApp.StartAsync(
            azurite, ["Clock:Mode=Manual", "Clock:Start=2026-03-01T20:00:00Z", "Email:SendGridApiKey=SG.test", $"Email:SendGridHost={sendGrid.Host}"]);

        var filed = await PublicApi.FileAsync(app, PublicApi.Filing());
        var staffView = await Polling.UntilAsync(
            () => StaffCaseAsync(app, filed.CaseId),
            c => c.GetProperty("emailNotDelivered").GetBoolean(),
            TimeSpan.FromSeconds(30));

        var staffEntries = staffView.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("what").GetString()!).ToList();
        Assert.Contains(staffEntries, what => what.Contains("email not delivered: SendGrid answered 400: The to email does not contain a valid address.", StringComparison.Ordinal));
        var tracking = await PublicApi.TrackAsync(app, filed.Token);
        var publicText = tracking.GetProperty("timeline").GetRawText();
        Assert.NotEqual(0, tracking.GetProperty("timeline").GetArrayLength());
        foreach (var leak in new[] { "SendGrid", "not delivered", "400", "valid address", "Notification", "Offices" })
        {
            Assert.DoesNotContain(leak, publicText, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task<JsonElement> StaffCaseAsync(TestApp app, string caseId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/staff/cases/{caseId}", UriKind.Relative));
        request.Headers.Add("X-Dev-Staff", Staff);
        using var response = await app.Client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return JsonDocument.Parse("""{"emailNotDelivered":false}""").RootElement;
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}

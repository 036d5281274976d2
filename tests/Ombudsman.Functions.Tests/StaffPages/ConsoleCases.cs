using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Identity;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Cases.ReadModel;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.StaffPages;

/// <summary>Cases filed straight into the app for the console's tests, and a staff member's cookie for plain HTTP requests.</summary>
internal static class ConsoleCases
{
    public static readonly RegionalOffice Jakarta = new() { Code = "JKT", Name = "Ombudsman RI Perwakilan Jakarta Raya", TimeZoneCode = "WIB" };
    public static readonly RegionalOffice Bali = new() { Code = "BAL", Name = "Ombudsman RI Perwakilan Bali", TimeZoneCode = "WITA" };

    /// <summary>Files a complaint to the provider and waits until the office checks the file (its P5 deadline running).</summary>
    public static async Task<CaseStatus> FileAsync(
        TestApp app, RegionalOffice office, string provider = "Kantor Pertanahan Kota Bekasi", IntakeChannel channel = IntakeChannel.Online)
    {
        var caseId = office.Code.ToLowerInvariant() + "-" + Guid.NewGuid().ToString("N")[..10];
        var today = DateOnly.FromDateTime(app.Service<TimeProvider>().GetUtcNow().UtcDateTime);
        await app.Service<CaseCommands>().FileAsync(caseId, new Complaint
        {
            Path = ComplaintPath.Provider,
            Office = office,
            Channel = channel,
            Complainant = new Complainant { Name = "Siti Rahayu", Email = "siti@example.test" },
            Provider = new Provider { Name = provider, Kind = ProviderKind.GovernmentUnit },
            Description = "Sertifikat tanah tidak terbit dalam waktu standar pelayanan.",
            RemedyAsked = "Terbitkan sertifikat.",
            ServiceReceivedOn = today.AddDays(-3),
        });
        return await UntilAsync(app, caseId, s => s.Stage == CaseStage.CompletenessCheck && s.OpenDeadlines.Count > 0);
    }

    /// <summary>Waits (bounded) until the read model's case satisfies <paramref name="done"/>.</summary>
    public static async Task<CaseStatus> UntilAsync(TestApp app, string caseId, Func<CaseStatus, bool> done)
    {
        var view = await Polling.UntilAsync(() => app.Service<CaseReadModel>().GetAsync(caseId), v => v is not null && done(v.Status));
        return view!.Status;
    }

    /// <summary>Moves the app's manual clock to <paramref name="to"/>.</summary>
    public static void MoveClock(TestApp app, DateTimeOffset to) => app.Service<Ombudsman.Functions.Clock.ManualClock>().MoveTo(to);

    /// <summary>An HTTP client (no redirects followed) signed in as a sample staff member.</summary>
    public static HttpClient SignedInClient(TestApp app, string staffId)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.Add("Cookie", $"{DevelopmentStaff.CookieName}={staffId}");
        return client;
    }
}

/// <summary>A notifier whose first email to a complainant under each key does not arrive; any later one (a resend) does.</summary>
internal sealed class FirstComplainantMailFails : ICaseNotifier
{
    private readonly ConcurrentQueue<CaseNotification> _sent = new();

    public IReadOnlyList<CaseNotification> Sent => [.. _sent];

    public Task<CaseNotificationResult> NotifyAsync(CaseNotification notification, CancellationToken cancellationToken)
    {
        _sent.Enqueue(notification);
        return Task.FromResult(notification.Recipient == NotificationRecipient.Complainant && !notification.IdempotencyKey.Contains(":resend-", StringComparison.Ordinal)
            ? CaseNotificationResult.NotDelivered("mailbox refused the message")
            : CaseNotificationResult.Delivered);
    }
}

using System.Net.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Offices;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>
/// The staff digest has no loop to restart: each scheduled run sends what is due. A run that fails (mail down, one
/// office failing, a hung mail server) stops neither later runs nor the digest it did not send, which the next run
/// sends, once.
/// </summary>
public sealed class StaffDigestResilienceTests : IAsyncLifetime
{
    // 08:00 WIB, 09:00 WITA on Wednesday 25 November 2026: both offices' digests are due.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    private static readonly ConfiguredOffice Jakarta = new()
    {
        OfficeId = "JKT",
        Name = "Ombudsman RI Perwakilan Jakarta Raya",
        TimeZone = OfficeTimeZone.Wib,
        StaffEmail = new EmailAddress("staf@jakarta.ombudsman.test"),
        DashboardLink = "https://pengaduan.ombudsman.test/kantor/jkt/batas-waktu",
    };

    private static readonly ConfiguredOffice Bali = Jakarta with
    {
        OfficeId = "BAL",
        Name = "Ombudsman RI Perwakilan Bali",
        TimeZone = OfficeTimeZone.Wita,
        StaffEmail = new EmailAddress("staf@bali.ombudsman.test"),
    };

    private readonly FakeTimeProvider _clock = new(Now);
    private readonly InMemorySendRecordStore _records = new();
    private FakeSendGridServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSendGridServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_run_while_SendGrid_is_down_fails_and_the_next_run_sends_each_due_digest_exactly_once()
    {
        using var http = new HttpClient();
        var service = Service(http, new InMemoryOpenDeadlineSource());
        // Each office's attempt and its one retry.
        _server.Enqueue([.. Enumerable.Repeat(FakeSendGridResponse.ServerError(503), 4)]);

        var failed = await Assert.ThrowsAsync<AggregateException>(() => service.SendDueAsync([Jakarta, Bali], CancellationToken.None));
        var recovered = await service.SendDueAsync([Jakarta, Bali], CancellationToken.None);
        var later = await service.SendDueAsync([Jakarta, Bali], CancellationToken.None);

        Assert.Equal(2, failed.InnerExceptions.Count);
        Assert.All(failed.InnerExceptions, e => Assert.IsType<EmailDeliveryFailedException>(e));
        Assert.IsType<DeliveryResult.Delivered>(recovered["JKT"]);
        Assert.IsType<DeliveryResult.Delivered>(recovered["BAL"]);
        Assert.IsType<DeliveryResult.AlreadySent>(later["JKT"]);
        Assert.IsType<DeliveryResult.AlreadySent>(later["BAL"]);
        Assert.Equal(6, _server.Requests.Count);
        Assert.Equal(["staf@jakarta.ombudsman.test", "staf@bali.ombudsman.test"], AcceptedRecipients(skip: 4));
    }

    [Fact]
    public async Task One_office_failing_does_not_hold_back_the_others_and_its_digest_goes_out_on_the_next_run()
    {
        using var http = new HttpClient();
        var deadlines = new FailingFirstOpenDeadlineSource("JKT");
        var service = Service(http, deadlines);

        var failed = await Assert.ThrowsAsync<AggregateException>(() => service.SendDueAsync([Jakarta, Bali], CancellationToken.None));
        var next = await service.SendDueAsync([Jakarta, Bali], CancellationToken.None);

        Assert.IsType<InvalidOperationException>(Assert.Single(failed.InnerExceptions));
        Assert.IsType<DeliveryResult.Delivered>(next["JKT"]);
        Assert.IsType<DeliveryResult.AlreadySent>(next["BAL"]);
        Assert.Equal(["staf@bali.ombudsman.test", "staf@jakarta.ombudsman.test"], AcceptedRecipients(skip: 0));
    }

    [Fact]
    public async Task A_send_to_a_hung_mail_server_ends_at_the_request_timeout_and_the_other_offices_are_still_mailed()
    {
        // Long enough that a loaded machine still answers the other office's request within it.
        var timeout = TimeSpan.FromSeconds(5);
        using var http = new HttpClient { Timeout = timeout };
        var service = Service(http, new InMemoryOpenDeadlineSource(), timeout);
        _server.Enqueue(FakeSendGridResponse.NoAnswer());

        // Bounded: a run that hung on the server would fail this wait instead of the test run.
        var results = await service.SendDueAsync([Jakarta, Bali], CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
        var next = await service.SendDueAsync([Jakarta, Bali], CancellationToken.None);

        // The hung attempt may have reached SendGrid: at most once, so it is left Uncertain for staff, not resent.
        Assert.IsType<DeliveryResult.Uncertain>(results["JKT"]);
        Assert.IsType<DeliveryResult.Delivered>(results["BAL"]);
        Assert.IsType<DeliveryResult.Uncertain>(next["JKT"]);
        Assert.IsType<DeliveryResult.AlreadySent>(next["BAL"]);
        Assert.Equal(2, _server.Requests.Count);
    }

    private StaffDigestService Service(HttpClient http, IOpenDeadlineSource deadlines, TimeSpan? requestTimeout = null)
    {
        var options = new EmailOptions
        {
            SendGridApiKey = "SG.test-key",
            SendGridHost = _server.Host,
            MaxRetries = 1,
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30),
        };
        var transport = new SendGridTransport(
            SendGridTransport.CreateClient(http, options), options, new RecordingRetryWaiter(_clock), _clock, NullLogger<SendGridTransport>.Instance);
        var sender = new NotificationSender(TemplateModels.Catalog, transport, _records, options, _clock, NullLogger<NotificationSender>.Instance);
        return new StaffDigestService(deadlines, sender, _clock);
    }

    private List<string> AcceptedRecipients(int skip) =>
        [.. _server.Requests.Skip(skip).Select(r => r.Json!["personalizations"]![0]!["to"]![0]!["email"]!.GetValue<string>())];

    /// <summary>The deadline index failing once for one office, as a storage hiccup would.</summary>
    private sealed class FailingFirstOpenDeadlineSource(string failingOffice) : IOpenDeadlineSource
    {
        private bool _failed;

        public Task<IReadOnlyList<OpenDeadline>> ListDueAsync(string officeId, DateTimeOffset dueAtOrBefore, CancellationToken cancellationToken)
        {
            if (officeId == failingOffice && !_failed)
            {
                _failed = true;
                throw new InvalidOperationException("the deadline index is unreachable");
            }

            return Task.FromResult<IReadOnlyList<OpenDeadline>>([]);
        }
    }
}

using System.Net.Http;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>The real SendGrid client against a fake SendGrid server on loopback.</summary>
public sealed class SendGridDeliveryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly InMemorySendRecordStore _records = new();
    private readonly HttpClient _http = new();
    private FakeSendGridServer _server = null!;
    private RecordingRetryWaiter _waiter = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeSendGridServer.StartAsync();
        _waiter = new RecordingRetryWaiter(_clock);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_notification_is_posted_to_SendGrid_with_recipient_content_and_our_ids_in_custom_args()
    {
        var notification = TestNotifications.FileIncomplete();
        var expected = TemplateModels.Catalog.Get(TemplateIds.ComplainantFileIncomplete, Language.Indonesian).Render(notification.Fields);

        var result = await Sender().SendAsync(notification, CancellationToken.None);

        Assert.Equal(new DeliveryResult.Delivered("fake-message-1"), result);
        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal("Bearer SG.test-key", request.Headers["Authorization"]);
        var expectedJson = new JsonObject
        {
            ["from"] = new JsonObject { ["name"] = "Ombudsman RI Perwakilan NTT", ["email"] = "pengaduan@ntt.ombudsman.test" },
            ["subject"] = "Berkas pengaduan PGD-2026-000042 belum lengkap",
            ["personalizations"] = new JsonArray(new JsonObject
            {
                ["to"] = new JsonArray(new JsonObject { ["name"] = "Siti Rahayu", ["email"] = "siti.rahayu@example.test" }),
            }),
            ["content"] = new JsonArray(
                new JsonObject { ["type"] = "text/plain", ["value"] = expected.TextBody },
                new JsonObject { ["type"] = "text/html", ["value"] = expected.HtmlBody }),
            ["headers"] = new JsonObject { ["Content-Language"] = "id" },
            ["tracking_settings"] = new JsonObject { ["click_tracking"] = new JsonObject { ["enable"] = false, ["enable_text"] = false } },
            ["custom_args"] = new JsonObject
            {
                ["idempotency_key"] = "case-42-workflow:7",
                ["template_id"] = "complainant-file-incomplete",
                ["case_id"] = "PGD-2026-000042",
            },
        };
        Assert.True(JsonNode.DeepEquals(expectedJson, request.Json), $"unexpected request body: {request.Body}");
        Assert.Contains("25 Desember 2026 (UU 25/2009 art. 45(2)-(3))", expected.TextBody, StringComparison.Ordinal);
        Assert.Contains("- Fotokopi KTP\n- Bukti pembayaran\n", expected.TextBody, StringComparison.Ordinal);
        var record = await _records.GetAsync("PGD-2026-000042", "case-42-workflow:7", CancellationToken.None);
        Assert.Equal(SendStatus.Sent, record!.Status);
        Assert.Equal("fake-message-1", record.ProviderMessageId);
        Assert.Equal(Now, record.CompletedAt);
    }

    [Fact]
    public async Task A_retry_of_a_delivered_notification_sends_nothing_and_reports_already_sent()
    {
        var sender = Sender();
        await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);

        var again = await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);

        Assert.Equal(new DeliveryResult.AlreadySent("fake-message-1"), again);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_429_is_retried_after_waiting_until_the_rate_limit_reset_header()
    {
        _server.Enqueue(FakeSendGridResponse.TooManyRequests(Now.AddSeconds(37)));

        var result = await Sender().SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal([TimeSpan.FromSeconds(37)], _waiter.Delays);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(_server.Requests[0].Body, _server.Requests[1].Body);
    }

    [Fact]
    public async Task A_429_whose_reset_is_beyond_the_longest_allowed_wait_fails_without_waiting()
    {
        _server.Enqueue(FakeSendGridResponse.TooManyRequests(Now.AddHours(1)));

        await Assert.ThrowsAsync<EmailDeliveryFailedException>(() => Sender().SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None));

        Assert.Empty(_waiter.Delays);
        Assert.Single(_server.Requests);
        Assert.Equal(SendStatus.Failed, (await _records.GetAsync("PGD-2026-000042", "case-42-workflow:7", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Server_errors_are_retried_with_exponential_backoff()
    {
        _server.Enqueue(FakeSendGridResponse.ServerError(500), FakeSendGridResponse.ServerError(503), FakeSendGridResponse.ServerError(502));

        var result = await Sender().SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);

        Assert.Equal(new DeliveryResult.Delivered("fake-message-1"), result);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8)], _waiter.Delays);
        Assert.Equal(4, _server.Requests.Count);
    }

    [Fact]
    public async Task Server_errors_beyond_the_retry_budget_record_a_failure_staff_can_see_and_a_later_attempt_delivers()
    {
        _server.Enqueue(FakeSendGridResponse.ServerError(), FakeSendGridResponse.ServerError(), FakeSendGridResponse.ServerError());
        var sender = Sender(maxRetries: 2);

        var failure = await Assert.ThrowsAsync<EmailDeliveryFailedException>(() => sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None));
        var visible = await _records.ListNotDeliveredAsync("PGD-2026-000042", CancellationToken.None);
        var later = await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);

        Assert.Equal(500, failure.StatusCode);
        Assert.Equal(SendStatus.Failed, Assert.Single(visible).Status);
        Assert.Equal(new DeliveryResult.Delivered("fake-message-1"), later);
        Assert.Equal(4, _server.Requests.Count);
        var record = await _records.GetAsync("PGD-2026-000042", "case-42-workflow:7", CancellationToken.None);
        Assert.Equal(SendStatus.Sent, record!.Status);
        Assert.Equal(2, record.Attempts);
    }

    [Fact]
    public async Task A_refused_address_is_rejected_once_recorded_for_the_case_and_never_retried()
    {
        _server.Enqueue(FakeSendGridResponse.BadRequest("Does not contain a valid address."));
        var sender = Sender();

        var result = await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);
        var again = await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);
        var visible = await _records.ListNotDeliveredAsync("PGD-2026-000042", CancellationToken.None);

        var rejected = Assert.IsType<DeliveryResult.Rejected>(result);
        Assert.Equal(400, rejected.StatusCode);
        Assert.Equal("SendGrid answered 400: Does not contain a valid address.", rejected.Reason);
        Assert.Equal(rejected, again);
        Assert.Single(_server.Requests);
        Assert.Empty(_waiter.Delays);
        var record = Assert.Single(visible);
        Assert.Equal(SendStatus.Rejected, record.Status);
        Assert.Equal(TemplateIds.ComplainantFileIncomplete, record.TemplateId);
        Assert.Equal(400, record.StatusCode);
    }

    [Fact]
    public async Task A_crash_between_send_and_record_completion_never_mails_twice_and_is_flagged_uncertain_for_staff()
    {
        var crashing = Sender(store: new CrashOnCompletionStore(_records));
        await Assert.ThrowsAsync<SimulatedCrashException>(() => crashing.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None));

        // The activity is retried by the runtime: first while the crashed attempt's lease still runs, then after it.
        var sender = Sender();
        var inFlight = await Assert.ThrowsAsync<NotificationInFlightException>(() => sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(15));
        var retried = await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);
        var again = await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);

        Assert.Single(_server.Requests);
        Assert.Equal(Now.AddMinutes(15), inFlight.LeaseEndsAt);
        var uncertain = Assert.IsType<DeliveryResult.Uncertain>(retried);
        Assert.Contains("idempotency_key=case-42-workflow:7", uncertain.Reason, StringComparison.Ordinal);
        Assert.Equal(uncertain, again);
        var record = Assert.Single(await _records.ListNotDeliveredAsync("PGD-2026-000042", CancellationToken.None));
        Assert.Equal(SendStatus.Uncertain, record.Status);
    }

    [Fact]
    public async Task A_pending_record_past_its_lease_reads_as_uncertain_for_staff_even_before_any_retry()
    {
        await Assert.ThrowsAsync<SimulatedCrashException>(() => Sender(store: new CrashOnCompletionStore(_records)).SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(15));

        var record = Assert.Single(await _records.ListNotDeliveredAsync("PGD-2026-000042", CancellationToken.None));

        Assert.Equal(SendStatus.Pending, record.Status);
        Assert.Equal(SendStatus.Uncertain, record.StatusAt(_clock.GetUtcNow(), TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public async Task A_refused_connection_sends_nothing_is_retried_and_ends_as_a_retryable_failure()
    {
        var closedPort = FreePort.Next();
        var options = Options(maxRetries: 2) with { SendGridHost = $"http://127.0.0.1:{closedPort}" };

        var failure = await Assert.ThrowsAsync<EmailDeliveryFailedException>(() => Sender(options: options).SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None));

        Assert.Null(failure.StatusCode);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _waiter.Delays);
        Assert.Equal(SendStatus.Failed, (await _records.GetAsync("PGD-2026-000042", "case-42-workflow:7", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_429_without_a_reset_header_backs_off_like_a_server_error()
    {
        _server.Enqueue(new FakeSendGridResponse { StatusCode = 429 });

        var result = await Sender().SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Equal([TimeSpan.FromSeconds(2)], _waiter.Delays);
    }

    [Fact]
    public async Task A_refused_api_key_is_not_recorded_as_the_recipients_fault_and_stays_retryable()
    {
        _server.Enqueue(new FakeSendGridResponse { StatusCode = 401, Body = """{"errors":[{"field":null,"message":"The provided authorization grant is invalid, expired, or revoked"}]}""" });
        var sender = Sender();

        var failure = await Assert.ThrowsAsync<EmailDeliveryFailedException>(() => sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None));
        var later = await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);

        Assert.Equal(401, failure.StatusCode);
        Assert.Empty(_waiter.Delays);
        Assert.IsType<DeliveryResult.Delivered>(later);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_connection_lost_after_the_request_was_sent_is_uncertain_and_never_resent()
    {
        _server.Enqueue(FakeSendGridResponse.DropConnection());
        var sender = Sender();

        var result = await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);
        var again = await sender.SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);

        Assert.IsType<DeliveryResult.Uncertain>(result);
        Assert.Equal(result, again);
        Assert.Single(_server.Requests);
        Assert.Empty(_waiter.Delays);
        Assert.Equal(SendStatus.Uncertain, Assert.Single(await _records.ListNotDeliveredAsync("PGD-2026-000042", CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_notification_missing_a_template_field_fails_before_anything_is_sent_or_recorded()
    {
        var notification = TestNotifications.FileIncomplete();
        notification = notification with { Fields = notification.Fields.Where(f => f.Key != "Deadline").ToDictionary() };

        var error = await Assert.ThrowsAsync<TemplateFieldException>(() => Sender().SendAsync(notification, CancellationToken.None));

        Assert.Equal("Deadline", error.Field);
        Assert.Empty(_server.Requests);
        Assert.Null(await _records.GetAsync("PGD-2026-000042", notification.IdempotencyKey, CancellationToken.None));
    }

    [Fact]
    public async Task An_English_speaking_complainant_gets_the_English_template()
    {
        await Sender().SendAsync(TestNotifications.FileIncomplete(language: Language.English), CancellationToken.None);

        var json = Assert.Single(_server.Requests).Json!;
        Assert.Equal("Your complaint PGD-2026-000042 is incomplete", json["subject"]!.GetValue<string>());
    }

    private NotificationSender Sender(int maxRetries = 4, ISendRecordStore? store = null, EmailOptions? options = null)
    {
        options ??= Options(maxRetries);
        var transport = new SendGridTransport(SendGridTransport.CreateClient(_http, options), options, _waiter, _clock, NullLogger<SendGridTransport>.Instance);
        return new NotificationSender(TemplateModels.Catalog, transport, store ?? _records, options, _clock, NullLogger<NotificationSender>.Instance);
    }

    private EmailOptions Options(int maxRetries) => new()
    {
        SendGridApiKey = "SG.test-key",
        SendGridHost = _server.Host,
        FromAddress = "pengaduan@ntt.ombudsman.test",
        FromName = "Ombudsman RI Perwakilan NTT",
        MaxRetries = maxRetries,
    };
}

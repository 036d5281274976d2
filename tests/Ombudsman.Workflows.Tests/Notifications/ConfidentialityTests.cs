using System.Net.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ombudsman.Testing;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

/// <summary>UU 25/2009 art. 42(5): a confidential complainant's identity never reaches the provider.</summary>
public sealed class ConfidentialityTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));
    private readonly InMemorySendRecordStore _records = new();
    private readonly HttpClient _http = new();
    private FakeSendGridServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeSendGridServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task A_provider_email_of_a_confidential_case_reaches_SendGrid_without_any_identity_detail()
    {
        var notification = TestNotifications.ProviderNewCase("Pengurusan KTP-el tertunda lebih dari 3 bulan tanpa penjelasan.");

        var result = await Sender().SendAsync(notification, CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        var body = Assert.Single(_server.Requests).Body;
        Assert.Contains("PGD-2026-000043", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Siti", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Rahayu", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("siti.rahayu@example.test", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("3456", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Melati", body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Pelapor SITI RAHAYU menunggu KTP-el sejak Agustus.", "name")]
    [InlineData("Pelapor Siti\n  Rahayu menunggu KTP-el.", "name")]
    [InlineData("Hubungi pelapor di Siti.Rahayu@example.test.", "email")]
    [InlineData("Hubungi pelapor di 0812 3456 7890.", "phone")]
    [InlineData("Petugas datang ke Jl. Melati No. 7, Kupang.", "address")]
    public async Task A_provider_email_whose_free_text_would_reveal_the_confidential_complainant_is_refused_and_recorded(string summary, string detail)
    {
        var result = await Sender().SendAsync(TestNotifications.ProviderNewCase(summary), CancellationToken.None);

        var rejected = Assert.IsType<DeliveryResult.Rejected>(result);
        Assert.Null(rejected.StatusCode);
        Assert.Contains($"confidential complainant's {detail}", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(_server.Requests);
        var record = Assert.Single(await _records.ListNotDeliveredAsync("PGD-2026-000043", CancellationToken.None));
        Assert.Equal(SendStatus.Rejected, record.Status);
        Assert.DoesNotContain("Siti", record.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_same_text_goes_to_the_provider_when_the_complainant_did_not_ask_for_confidentiality()
    {
        var result = await Sender().SendAsync(
            TestNotifications.ProviderNewCase("Pelapor Siti Rahayu menunggu KTP-el sejak Agustus.", confidential: false), CancellationToken.None);

        Assert.IsType<DeliveryResult.Delivered>(result);
        Assert.Contains("Siti Rahayu", Assert.Single(_server.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_template_cannot_be_given_the_complainants_name_at_all()
    {
        var notification = TestNotifications.ProviderNewCase("Pengurusan KTP-el tertunda.");
        notification = notification with { Fields = new Dictionary<string, string>(notification.Fields) { ["ComplainantName"] = "Siti Rahayu" } };

        var error = await Assert.ThrowsAsync<TemplateFieldException>(() => Sender().SendAsync(notification, CancellationToken.None));

        Assert.Equal("ComplainantName", error.Field);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task A_confidential_provider_notification_without_the_identity_to_check_against_is_refused()
    {
        var notification = TestNotifications.ProviderNewCase("Pengurusan KTP-el tertunda.") with { ComplainantIdentity = null };

        await Assert.ThrowsAsync<NotificationContractException>(() => Sender().SendAsync(notification, CancellationToken.None));

        Assert.Empty(_server.Requests);
        Assert.Null(await _records.GetAsync("PGD-2026-000043", notification.IdempotencyKey, CancellationToken.None));
    }

    [Fact]
    public async Task A_complainant_template_sent_as_a_provider_email_is_refused()
    {
        var notification = TestNotifications.FileIncomplete() with { Role = RecipientRole.Provider };

        await Assert.ThrowsAsync<NotificationContractException>(() => Sender().SendAsync(notification, CancellationToken.None));

        Assert.Empty(_server.Requests);
    }

    private NotificationSender Sender()
    {
        var options = new EmailOptions { SendGridApiKey = "SG.test-key", SendGridHost = _server.Host };
        var transport = new SendGridTransport(
            SendGridTransport.CreateClient(_http, options), options, new RecordingRetryWaiter(_clock), _clock, NullLogger<SendGridTransport>.Instance);
        return new NotificationSender(TemplateModels.Catalog, transport, _records, options, _clock, NullLogger<NotificationSender>.Instance);
    }
}

using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ombudsman.Testing;
using Ombudsman.Workflows.Notifications;

namespace Ombudsman.Workflows.Tests.Notifications;

[Collection(AzuriteCollection.Name)]
public sealed class EmailServiceCollectionExtensionsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task With_an_api_key_notifications_go_through_SendGrid_at_the_configured_host()
    {
        await using var server = await FakeSendGridServer.StartAsync();
        using var provider = Build(new()
        {
            ["Email:SendGridApiKey"] = "SG.configured",
            ["Email:SendGridHost"] = server.Host,
            ["Email:FromAddress"] = "pengaduan@ombudsman.test",
        });

        var result = await provider.GetRequiredService<INotificationSender>().SendAsync(TestNotifications.FileIncomplete(), CancellationToken.None);

        Assert.IsType<SendGridTransport>(provider.GetRequiredService<IEmailTransport>());
        Assert.IsType<DeliveryResult.Delivered>(result);
        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer SG.configured", request.Headers["Authorization"]);
        Assert.Equal("pengaduan@ombudsman.test", request.Json!["from"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public void Without_an_api_key_mail_goes_to_the_pickup_directory_under_the_git_ignored_data_folder()
    {
        using var provider = Build([]);

        var transport = Assert.IsType<PickupDirectoryTransport>(provider.GetRequiredService<IEmailTransport>());

        Assert.Equal(Path.Combine(RepositoryRoot.Path, ".data", "mail"), transport.Directory);
        Assert.Contains(".data/", File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".gitignore")));
    }

    [Fact]
    public void The_default_pickup_directory_is_the_repositorys_data_mail_folder_whichever_folder_of_the_checkout_the_app_starts_in()
    {
        var outside = Directory.CreateTempSubdirectory("ombudsman-elsewhere-");
        try
        {
            var expected = Path.Combine(RepositoryRoot.Path, ".data", "mail");

            Assert.Equal(expected, PickupDirectoryTransport.Resolve(Path.Combine(".data", "mail"), RepositoryRoot.Path, AppContext.BaseDirectory));
            Assert.Equal(expected, PickupDirectoryTransport.Resolve(Path.Combine(".data", "mail"), Path.Combine(RepositoryRoot.Path, "src", "Ombudsman.Functions"), AppContext.BaseDirectory));
            Assert.Equal(expected, PickupDirectoryTransport.Resolve(Path.Combine(".data", "mail"), outside.FullName, AppContext.BaseDirectory));
            Assert.Equal(Path.Combine(outside.FullName, "mail"), PickupDirectoryTransport.Resolve("mail", outside.FullName, outside.FullName));
            Assert.Equal("/tmp/ombudsman-mail", PickupDirectoryTransport.Resolve("/tmp/ombudsman-mail", outside.FullName, AppContext.BaseDirectory));
        }
        finally
        {
            outside.Delete();
        }
    }

    [Fact]
    public void A_configured_pickup_directory_is_used_and_send_records_go_to_the_apps_storage_account()
    {
        using var provider = Build(new()
        {
            ["Email:PickupDirectory"] = "/tmp/ombudsman-mail",
            ["Email:SendRecordsTable"] = "MailSends",
        });

        var store = Assert.IsType<TableSendRecordStore>(provider.GetRequiredService<ISendRecordStore>());
        Assert.Equal("/tmp/ombudsman-mail", Assert.IsType<PickupDirectoryTransport>(provider.GetRequiredService<IEmailTransport>()).Directory);
        Assert.Equal("MailSends", store.Table.Name);
        Assert.Equal(new TableServiceClient(azurite.ConnectionString).AccountName, store.Table.AccountName);
    }

    [Fact]
    public void Without_the_apps_storage_there_are_no_send_records_kept_per_process_but_a_start_up_error()
    {
        var services = new ServiceCollection();
        services.AddEmailNotifications(Configuration([]));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ISendRecordStore>());

        Assert.Contains("TableServiceClient", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_settings_are_read_and_a_lease_shorter_than_the_longest_attempt_is_refused_at_start_up()
    {
        var options = EmailOptions.FromConfiguration(Configuration(new()
        {
            ["Email:MaxRetries"] = "2",
            ["Email:RetryBaseDelay"] = "00:00:01",
            ["Email:PendingLease"] = "00:30:00",
        }));

        var error = Assert.Throws<InvalidOperationException>(() => EmailOptions.FromConfiguration(Configuration(new() { ["Email:PendingLease"] = "00:01:00" })));

        Assert.Equal(2, options.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromMinutes(30), options.PendingLease);
        Assert.Contains("PendingLease", error.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(new TableServiceClient(azurite.ConnectionString));
        settings.TryAdd("Email:SendRecordsTable", "sends" + Guid.NewGuid().ToString("N")[..12]);
        services.AddEmailNotifications(Configuration(settings));
        return services.BuildServiceProvider();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}

using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Email;

/// <summary>
/// The app run locally as a newcomer runs it (its own process, Development, no SendGrid key, no Offices setting):
/// it says where mail goes, that is the checkout's .data/mail, and staff mail works with the default offices.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class LocalMailTests(AzuriteFixture azurite)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_from_a_checkout_the_app_prints_its_data_mail_folder_and_mails_each_default_offices_digest_there()
    {
        var prefix = "m" + Guid.NewGuid().ToString("N")[..10];
        // A checkout of its own (the folder holding Ombudsman.sln), so the test never writes to the real .data/mail.
        var checkout = Directory.CreateTempSubdirectory("ombudsman-checkout-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(checkout.FullName, "Ombudsman.sln"), "");
            var mail = Path.Combine(checkout.FullName, ".data", "mail");

            await using var app = AppProcess.StartIn(
                checkout.FullName,
                "--environment=Development",
                $"--ConnectionStrings:Storage={azurite.ConnectionString}",
                $"--StorageNames:CasesTable={prefix}Cases",
                $"--StorageNames:TimelineTable={prefix}Timeline",
                $"--StorageNames:OpenDeadlinesTable={prefix}Deadlines",
                $"--StorageNames:AccessTokensTable={prefix}AccessTokens",
                $"--StorageNames:EvidenceContainer={prefix}-evidence",
                $"--StorageNames:ProviderDocumentsContainer={prefix}-provider-documents",
                $"--DurableTask:HubName={prefix}",
                "--DurableTask:PartitionCount=1",
                $"--Email:SendRecordsTable={prefix}emailsends",
                // 09:00 WIB, 10:00 WITA, 11:00 WIT: every office's morning digest is due.
                "--Clock:Mode=Manual",
                "--Clock:Start=2026-03-02T02:00:00Z");
            await app.Listening.Task.WaitAsync(StartTimeout);

            var digests = await Polling.UntilAsync(
                () => Task.FromResult(Directory.Exists(mail) ? Directory.GetFiles(mail, "staff-digest-*.eml") : []),
                files => files.Length == 4,
                TimeSpan.FromSeconds(60));

            Assert.Contains($"every email is written as an .eml file to {mail}", app.Output, StringComparison.Ordinal);
            var recipients = digests.Select(f => File.ReadAllLines(f).Single(l => l.StartsWith("To: ", StringComparison.Ordinal))).Order().ToList();
            Assert.Collection(
                recipients,
                to => Assert.EndsWith("<staf.bal@ombudsman.invalid>", to, StringComparison.Ordinal),
                to => Assert.EndsWith("<staf.jkt@ombudsman.invalid>", to, StringComparison.Ordinal),
                to => Assert.EndsWith("<staf.pap@ombudsman.invalid>", to, StringComparison.Ordinal),
                to => Assert.EndsWith("<staf.pst@ombudsman.invalid>", to, StringComparison.Ordinal));
        }
        finally
        {
            checkout.Delete(recursive: true);
        }
    }
}

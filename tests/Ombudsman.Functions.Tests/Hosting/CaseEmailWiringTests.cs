using Ombudsman.Testing;
using Ombudsman.Workflows.Cases;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Functions.Tests.Hosting;

/// <summary>Issue 6 in the function app: case notifications are mailed, and each office's digest loop runs.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CaseEmailWiringTests(AzuriteFixture azurite)
{
    private static readonly string[] JakartaOffice =
    [
        "Offices:0:Id=JKT",
        "Offices:0:Name=Perwakilan Jakarta Raya",
        "Offices:0:TimeZone=WIB",
        "Offices:0:StaffEmail=staf.jakarta@ombudsman.test",
        "Offices:0:DashboardLink=https://staf.ombudsman.test/jkt/tenggat",
    ];

    [Fact]
    public async Task A_case_filed_in_the_app_mails_its_receipt_to_the_pickup_directory_without_a_SendGrid_key()
    {
        await using var app = await TestApp.StartAsync(azurite, JakartaOffice);
        var complaint = new Complaint
        {
            Path = ComplaintPath.Provider,
            Office = new RegionalOffice { Code = "JKT", Name = "Perwakilan Jakarta Raya", TimeZoneCode = "WIB" },
            Complainant = new Complainant { Name = "Siti Rahayu", Email = "siti@example.test" },
            Provider = new Provider { Name = "Kantor Pertanahan Kota Bekasi", Kind = ProviderKind.GovernmentUnit, Email = "pengaduan@bpn.example.test" },
            Description = "Land certificate not issued within the service standard.",
            RemedyAsked = "Issue the certificate.",
            ServiceReceivedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)),
        };

        await app.Service<CaseCommands>().FileAsync("PGD-APP-1", complaint);

        var receipts = await Polling.UntilAsync(
            () => Task.FromResult(Directory.Exists(app.MailDirectory) ? Directory.GetFiles(app.MailDirectory, "complainant-receipt-*.eml") : []),
            files => files.Length > 0);
        var eml = await File.ReadAllTextAsync(Assert.Single(receipts));
        Assert.Contains("To: \"Siti Rahayu\" <siti@example.test>", eml, StringComparison.Ordinal);
        Assert.Contains("X-Ombudsman-Case-Id: PGD-APP-1", eml, StringComparison.Ordinal);
    }
}

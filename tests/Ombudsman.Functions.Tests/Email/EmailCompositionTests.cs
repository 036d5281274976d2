using Microsoft.Extensions.DependencyInjection;
using Ombudsman.Functions.Hosting;
using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Offices;

namespace Ombudsman.Functions.Tests.Email;

/// <summary>
/// How the app wires email in Azure, built the way the deployment configures it (infra/bicep/main.bicep): storage
/// through the managed identity with no connection string, offices from the Offices settings.
/// </summary>
public sealed class EmailCompositionTests
{
    /// <summary>The settings Bicep writes, in the shape the app reads them (no storage connection string).</summary>
    private static readonly string[] AzureSettings =
    [
        "--environment=Production",
        "--AzureWebJobsStorage:accountName=stombexample",
        "--AzureWebJobsStorage:credential=managedidentity",
        "--Storage:blobServiceUri=https://stombexample.blob.core.windows.net/",
        "--Storage:queueServiceUri=https://stombexample.queue.core.windows.net/",
        "--Storage:tableServiceUri=https://stombexample.table.core.windows.net/",
        "--Email:SendRecordsTable=OmbudsmanEmailSendRecords",
        "--Offices:0:Id=JKT",
        "--Offices:0:Name=Ombudsman RI Perwakilan Jakarta Raya",
        "--Offices:0:TimeZone=WIB",
        "--Offices:0:StaffEmail=jakarta@ombudsman.example.go.id",
        "--Offices:0:DashboardLink=https://pengaduan.example.go.id/staf/jkt",
    ];

    [Fact]
    public void With_a_managed_identity_and_no_connection_string_send_records_live_in_the_storage_accounts_table_every_instance_shares()
    {
        using var worker = FunctionsWorkerHost.Build(AzureSettings);

        var store = Assert.IsType<TableSendRecordStore>(worker.Services.GetRequiredService<ISendRecordStore>());

        Assert.Equal("stombexample", store.Table.AccountName);
        Assert.Equal("OmbudsmanEmailSendRecords", store.Table.Name);
        Assert.StartsWith("https://stombexample.table.core.windows.net/", store.Table.Uri.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Filing_and_email_read_one_office_directory()
    {
        using var worker = FunctionsWorkerHost.Build(AzureSettings);

        var offices = worker.Services.GetRequiredService<OfficeDirectory>();
        var office = Assert.Single(offices.All);

        Assert.Equal(["JKT"], offices.Codes);
        Assert.Equal("jakarta@ombudsman.example.go.id", office.StaffEmail.Address);
        Assert.Single(worker.Services.GetServices<OfficeDirectory>());
    }

    [Fact]
    public void Outside_development_an_app_without_offices_does_not_start_instead_of_filing_with_made_up_ones()
    {
        var settings = AzureSettings.Where(s => !s.StartsWith("--Offices", StringComparison.Ordinal)).ToArray();

        var error = Assert.Throws<OfficeConfigurationException>(() => FunctionsWorkerHost.Build(settings));

        Assert.Contains("Offices is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_office_problem_is_reported_at_once_when_the_app_starts()
    {
        string[] broken =
        [
            .. AzureSettings,
            "--Offices:1:Id=BAL",
            "--Offices:1:TimeZone=CET",
            "--Offices:1:StaffEmail=not-an-address",
            "--Offices:1:DashboardLink=/relative",
            "--Offices:1:Language=fr",
            "--Offices:2:Id=jkt",
            "--Offices:2:Name=Jakarta again",
            "--Offices:2:TimeZone=WIB",
            "--Offices:2:StaffEmail=lagi@ombudsman.example.go.id",
            "--Offices:2:DashboardLink=https://pengaduan.example.go.id/staf/jkt2",
        ];

        var error = Assert.Throws<OfficeConfigurationException>(() => FunctionsWorkerHost.Build(broken));

        Assert.Equal(
            [
                "Offices:1:Name is required.",
                "Offices:1:TimeZone is 'CET'; expected WIB, WITA or WIT.",
                "Offices:1:StaffEmail 'not-an-address' is not an email address.",
                "Offices:1:DashboardLink '/relative' is not an absolute http(s) URL.",
                "Offices:1:Language is 'fr'; expected id or en.",
                "office 'JKT' is configured 2 times.",
            ],
            error.Problems);
        Assert.All(error.Problems, p => Assert.Contains(p, error.Message, StringComparison.Ordinal));
    }
}

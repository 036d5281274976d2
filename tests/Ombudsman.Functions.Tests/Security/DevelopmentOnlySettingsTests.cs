using Microsoft.Extensions.Hosting;
using Ombudsman.Functions.Hosting;
using Ombudsman.Functions.Tests.Hosting;
using Ombudsman.Testing;

namespace Ombudsman.Functions.Tests.Security;

/// <summary>Each development-only setting stops both hosts at start-up outside Development, naming the setting.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DevelopmentOnlySettingsTests(AzuriteFixture azurite)
{
    public static TheoryData<string, string> Settings => new()
    {
        { "Evidence:DevelopmentAccess=true", "Evidence:DevelopmentAccess" },
        { "StaffIdentity:DevelopmentScheme=true", "StaffIdentity:DevelopmentScheme" },
        { "Clock:Mode=Manual", "Clock:Mode=Manual" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task The_local_host_refuses_to_start_outside_Development(string setting, string named)
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TestApp.StartAsync(azurite, ["environment=Production", setting]));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        Assert.Contains("Production", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public void The_Functions_worker_refuses_to_start_outside_Development(string setting, string named)
    {
        var refused = Assert.Throws<InvalidOperationException>(() =>
        {
            using var worker = FunctionsWorkerHost.Build(TestApp.Arguments(azurite, ["environment=Production", setting]).Args);
        });

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Settings))]
    public async Task Development_starts_with_the_setting(string setting, string named)
    {
        await using var app = await TestApp.StartAsync(azurite, [setting]);

        Assert.True(app.Service<IHostEnvironment>().IsDevelopment(), named);
        using var health = await app.Client.GetAsync(new Uri("/api/health", UriKind.Relative));
        Assert.True(health.IsSuccessStatusCode);
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ombudsman.Workflows.Statute;
using static Ombudsman.Workflows.Tests.Statute.StatuteFixtures;

namespace Ombudsman.Workflows.Tests.Statute;

/// <summary>AddStatute registers the services and validates the data when the host starts.</summary>
public sealed class StatuteRegistrationTests
{
    [Fact]
    public async Task Start_up_loads_the_data_and_the_services_compute_deadlines()
    {
        await using var provider = new ServiceCollection().AddStatute().BuildServiceProvider();

        var startUp = Assert.IsAssignableFrom<IHostedLifecycleService>(Assert.Single(provider.GetServices<IHostedService>()));
        await startUp.StartingAsync(CancellationToken.None);

        var window = provider.GetRequiredService<FilingWindow>();
        var check = window.Check(Date("2026-03-16"), Instant("2026-04-16T08:00:00+07:00"), OfficeTimeZone.Wib);
        Assert.Equal(TimeLimitOutcome.Late, check.Outcome);
        Assert.Equal("2025.1", provider.GetRequiredService<RuleSetCatalog>().InForceOn(Date("2026-03-16")).Version);
        Assert.True(provider.GetRequiredService<LegalCalendar>().IsLoaded(2026));
    }

    [Fact]
    public async Task Invalid_data_fails_start_up_naming_the_file()
    {
        var directory = Directory.CreateTempSubdirectory("statute-data-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "holidays"));
            var file = Path.Combine(directory.FullName, "holidays", "2027.json");
            File.WriteAllText(file, """{ "year": 2027, "decree": "Test", "days": [ { "date": "2026-12-31", "kind": "holiday", "name": "X" } ] }""");
            await using var provider = new ServiceCollection().AddStatute(o => o.DataDirectory = directory.FullName).BuildServiceProvider();
            var startUp = Assert.IsAssignableFrom<IHostedLifecycleService>(Assert.Single(provider.GetServices<IHostedService>()));

            // StartingAsync runs before any hosted service starts, the web server included.
            var error = await Assert.ThrowsAsync<StatuteDataException>(() => startUp.StartingAsync(CancellationToken.None));

            Assert.Contains($"{file}: day 2026-12-31: field 'days[0].date'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact] // Provisional years (on by default) take precedence, so the fallback is seen with them off
    public async Task The_weekend_only_fallback_is_a_setting()
    {
        await using var provider = new ServiceCollection().AddStatute(o =>
        {
            o.ProvisionalYears = false;
            o.AllowWeekendOnlyFallback = true;
        }).BuildServiceProvider();
        var catalog = provider.GetRequiredService<RuleSetCatalog>();

        var deadline = provider.GetRequiredService<DeadlineCalculator>().Compute(catalog.Get("2025.1")["O4"], Date("2026-12-15"), OfficeTimeZone.Wib);

        Assert.Equal([2027], deadline.WeekendOnlyFallbackYears);
    }

    [Fact] // Statute:ProvisionalYears, on by default
    public async Task Provisional_years_are_on_by_default()
    {
        await using var provider = new ServiceCollection().AddStatute().BuildServiceProvider();
        var catalog = provider.GetRequiredService<RuleSetCatalog>();

        var deadline = provider.GetRequiredService<DeadlineCalculator>().Compute(catalog.Get("2025.1")["O4"], Date("2026-12-15"), OfficeTimeZone.Wib);

        Assert.Equal([2027], deadline.ProvisionalYears);
        Assert.Empty(deadline.WeekendOnlyFallbackYears);
    }
}

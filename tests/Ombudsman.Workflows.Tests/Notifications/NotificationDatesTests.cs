using Ombudsman.Workflows.Notifications;
using Ombudsman.Workflows.Statute;

namespace Ombudsman.Workflows.Tests.Notifications;

public sealed class NotificationDatesTests
{
    [Theory]
    [InlineData("WIB", "id", "15 April 2026 pukul 23.59 WIB")]
    [InlineData("WITA", "id", "15 April 2026 pukul 23.59 WITA")]
    [InlineData("WIT", "id", "15 April 2026 pukul 23.59 WIT")]
    [InlineData("WIB", "en", "15 April 2026, 23:59 WIB")]
    [InlineData("WIT", "en", "15 April 2026, 23:59 WIT")]
    public void A_period_that_ends_at_the_offices_midnight_is_stated_by_its_last_day_to_23_59_in_the_offices_zone(string zoneCode, string languageCode, string expected)
    {
        var zone = OfficeTimeZone.FromCode(zoneCode);
        var language = LanguageCodes.FromCode(languageCode);
        var endsAt = zone.StartOf(new DateOnly(2026, 4, 16));

        Assert.Equal(expected, NotificationDates.Deadline(endsAt, zone, language));
        Assert.Equal(expected, NotificationDates.LastDay(new DateOnly(2026, 4, 15), zone, language));
    }

    [Fact]
    public void A_deadline_at_another_time_of_day_is_stated_as_it_is()
    {
        var endsAt = new DateTimeOffset(2026, 4, 15, 14, 30, 0, TimeSpan.FromHours(8));

        Assert.Equal("15 April 2026 pukul 14.30 WITA", NotificationDates.Deadline(endsAt, OfficeTimeZone.Wita, Language.Indonesian));
    }
}

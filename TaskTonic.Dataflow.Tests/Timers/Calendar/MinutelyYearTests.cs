using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class MinutelyYearTests
{
    public static TheoryData<string, string> Years => new()
    {
        { "UTC", "2025-01-01T00:00:00+00:00" },
        { "Europe/Amsterdam", "2025-01-01T00:00:00+01:00" },
        { "America/New_York", "2025-01-01T00:00:00-05:00" },
        { "Australia/Lord_Howe", "2025-01-01T00:00:00+11:00" },
        { "Asia/Kolkata", "2025-01-01T00:00:00+05:30" },
    };

    [Theory]
    [MemberData(nameof(Years))]
    public void A_year_of_minutely_firings_is_525600_firings_exactly_a_minute_apart(string zoneId, string localNewYear)
    {
        var rule = new EveryMinuteRule(timeZone: TimeZoneInfo.FindSystemTimeZoneById(zoneId));
        var start = Fires.At(localNewYear);
        var end = start.AddDays(365);

        var count = 0;
        var previous = start;
        for (var fire = rule.NextAfter(start); fire <= end; fire = rule.NextAfter(fire))
        {
            Assert.Equal(TimeSpan.FromMinutes(1), fire - previous);
            previous = fire;
            count++;
        }

        Assert.Equal(525_600, count);
        Assert.Equal(end, previous);
    }
}

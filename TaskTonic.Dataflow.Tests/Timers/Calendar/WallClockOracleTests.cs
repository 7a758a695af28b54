using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

/// <summary>Compares hourly rules over a whole year with a brute-force scan of every real minute's local wall clock.</summary>
public sealed class WallClockOracleTests
{
    public static TheoryData<string, int, string[]> Cases => new()
    {
        { "Europe/Amsterdam", 0, [] },
        { "Europe/Amsterdam", 30, [] },
        { "America/New_York", 15, [] },
        { "Asia/Kolkata", 15, [] },
        { "Australia/Lord_Howe", 45, [] },
        { "Australia/Lord_Howe", 15, ["2025-10-05T02:45:00+11:00"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Hourly_rule_fires_whenever_the_wall_clock_shows_its_minute(string zoneId, int minute, string[] movedOutOfGaps)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var start = Fires.At("2025-01-01T00:00:00+00:00");
        var end = start.AddDays(365);
        var expected = ScanWallClock(zone, minute, start, end)
            .Concat(movedOutOfGaps.Select(Fires.At))
            .Order()
            .Select(Fires.Format);

        var rule = new EveryHourRule(minute, timeZone: zone);
        var actual = new List<string>();
        for (var fire = rule.NextAfter(start); fire < end; fire = rule.NextAfter(fire))
        {
            actual.Add(Fires.Format(fire));
        }

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("Europe/Amsterdam", 30, "2025-03-30T01:00:00+00:00", null)]
    [InlineData("Europe/Amsterdam", 0, "2025-10-26T01:00:00+00:00", null)]
    [InlineData("America/New_York", 30, "2025-11-02T06:00:00+00:00", null)]
    [InlineData("Australia/Lord_Howe", 45, "2025-04-05T15:00:00+00:00", null)]
    [InlineData("Australia/Lord_Howe", 15, "2025-10-04T15:30:00+00:00", "2025-10-05T02:45:00+11:00")]
    public void Random_instants_near_a_change_agree_with_the_scan(string zoneId, int minute, string change, string? movedOutOfGap)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var from = Fires.At(change).AddHours(-12);
        var firings = ScanWallClock(zone, minute, from.AddHours(-2), from.AddHours(28))
            .Concat(movedOutOfGap is null ? [] : [Fires.At(movedOutOfGap)])
            .Order()
            .ToArray();
        var shared = new EveryHourRule(minute, timeZone: zone);
        var random = new Random(20250131);

        for (var probe = 0; probe < 2000; probe++)
        {
            var instant = from.AddTicks(random.NextInt64(TimeSpan.FromHours(24).Ticks));
            var expected = Fires.Format(firings.First(firing => firing > instant));

            Assert.Equal(expected, Fires.Format(shared.NextAfter(instant)));
            Assert.Equal(expected, Fires.Format(new EveryHourRule(minute, timeZone: zone).NextAfter(instant)));
        }
    }

    private static IEnumerable<DateTimeOffset> ScanWallClock(TimeZoneInfo zone, int minute, DateTimeOffset start, DateTimeOffset end)
    {
        for (var instant = start.AddMinutes(1); instant < end; instant = instant.AddMinutes(1))
        {
            var local = TimeZoneInfo.ConvertTime(instant, zone);
            if (local.Minute == minute)
            {
                yield return local;
            }
        }
    }
}

using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class CalendarRuleContractTests
{
    public static TheoryData<CalendarRule> Rules => new()
    {
        new EveryYearRule(12, -1, 23, 59, 59, timeZone: Zones.Amsterdam),
        new EveryYearRule(new IsoWeekNumber(53), DayOfWeek.Sunday, timeZone: Zones.LordHowe),
        new EveryYearRule(new IsoWeekNumber(53), DayOfWeek.Monday, timeZone: Zones.Amsterdam, week53: IsoWeek53Handling.Skip),
        new EveryMonthRule(DayOfWeek.Friday, -1, timeZone: Zones.NewYork),
        new EveryWeekRule(DayOfWeek.Saturday, 23, timeZone: Zones.Kolkata),
        new EveryDayRule(23, 59, 59.9, timeZone: Zones.Utc),
        new EveryHourRule(59, 59, timeZone: Zones.Amsterdam),
        new EveryMinuteRule(59.5, timeZone: Zones.LordHowe),
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void The_offset_of_the_given_instant_does_not_matter(CalendarRule rule)
    {
        var utc = Fires.At("2025-06-15T10:07:00+00:00");

        var expected = rule.NextAfter(utc);

        Assert.Equal(expected, rule.NextAfter(utc.ToOffset(TimeSpan.FromHours(-9.5))));
        Assert.Equal(expected.Offset, rule.NextAfter(utc.ToOffset(TimeSpan.FromHours(13))).Offset);
        Assert.Equal(rule.TimeZone.GetUtcOffset(expected), expected.Offset);
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Any_instant_between_two_firings_gives_the_later_one(CalendarRule rule)
    {
        var start = Fires.At("2025-01-01T00:00:00+00:00");
        var firings = Fires.Next(rule, start, 40).Select(Fires.At).ToArray();
        var span = (firings[^1] - start).Ticks;
        var random = new Random(42);

        for (var probe = 0; probe < 500; probe++)
        {
            var instant = start.AddTicks(random.NextInt64(span));
            Assert.Equal(firings.First(firing => firing > instant), rule.NextAfter(instant));
        }

        Assert.All(firings.SkipLast(1), (firing, index) => Assert.Equal(firings[index + 1], rule.NextAfter(firing)));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Past_the_end_of_time_is_an_argument_out_of_range(CalendarRule rule)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => rule.NextAfter(DateTimeOffset.MaxValue));
    }

    [Fact]
    public void The_default_time_zone_is_local()
    {
        Assert.Same(TimeZoneInfo.Local, new EveryDayRule().TimeZone);
        Assert.Same(TimeZoneInfo.Local, new EveryMinuteRule().TimeZone);
        Assert.Same(Zones.Kolkata, new EveryHourRule(timeZone: Zones.Kolkata).TimeZone);
    }

    [Fact]
    public void Rules_are_safe_to_share_between_threads()
    {
        var rule = new EveryMinuteRule(timeZone: Zones.Amsterdam);
        var start = Fires.At("2025-03-29T00:00:00+00:00");
        var expected = Fires.Next(new EveryMinuteRule(timeZone: Zones.Amsterdam), start, 4000);

        var results = Enumerable.Range(0, 4)
            .AsParallel()
            .Select(offset => Fires.Next(rule, start.AddHours(offset * -3), 4000 + (offset * 180)).Skip(offset * 180).ToArray())
            .ToArray();

        Assert.All(results, result => Assert.Equal(expected, result));
    }
}

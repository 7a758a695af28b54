using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class TimeArgumentTests
{
    [Fact]
    public void SC35_too_many_time_fields_for_a_daily_rule()
    {
        var error = Assert.Throws<ArgumentException>(() => new EveryDayRule(timeStr: "1:2:3:4"));

        Assert.Equal("timeStr", error.ParamName);
        Assert.Contains("at most 3 ':'-separated field(s) (hour:minute:second", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("")]
    [InlineData("12::30")]
    [InlineData("-1")]
    [InlineData("1.5:00")]
    public void SC36_time_string_must_be_whole_numbers(string timeStr)
    {
        var error = Assert.Throws<ArgumentException>(() => new EveryDayRule(timeStr: timeStr));

        Assert.Contains("timeStr must be whole numbers separated by ':'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"got '{timeStr}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SC38_too_many_time_fields_for_hourly_and_minutely_rules()
    {
        var hourly = Assert.Throws<ArgumentException>(() => new EveryHourRule(timeStr: "1:2:3"));
        var minutely = Assert.Throws<ArgumentException>(() => new EveryMinuteRule(timeStr: "1:2"));

        Assert.Contains("at most 2 ':'-separated field(s) (minute:second", hourly.Message, StringComparison.Ordinal);
        Assert.Contains("at most 1 ':'-separated field(s) (second", minutely.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(24, 0, 0, "hour must be between 0 and 23, got 24")]
    [InlineData(-1, 0, 0, "hour must be between 0 and 23, got -1")]
    [InlineData(0, 60, 0, "minute must be between 0 and 59, got 60")]
    [InlineData(0, 0, 60, "second must be at least 0 and less than 60")]
    [InlineData(0, 0, -0.5, "second must be at least 0 and less than 60")]
    [InlineData(0, 0, 59.999999999, "second must be at least 0 and less than 60")]
    [InlineData(0, 0, double.NaN, "second must be at least 0 and less than 60")]
    public void Time_numbers_out_of_range(int hour, int minute, double second, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EveryDayRule(hour, minute, second));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("25", "hour must be between 0 and 23, got 25 (from timeStr '25')")]
    [InlineData("12:60", "minute must be between 0 and 59, got 60 (from timeStr '12:60')")]
    [InlineData("0:0:61", "second must be at least 0 and less than 60 (fractions allowed), got 61 (from timeStr '0:0:61')")]
    public void Time_string_fields_out_of_range(string timeStr, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EveryWeekRule(DayOfWeek.Monday, timeStr: timeStr));

        Assert.Equal("timeStr", error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hourly_and_minutely_fields_are_range_checked_too()
    {
        Assert.Contains("minute must be between 0 and 59", Assert.Throws<ArgumentOutOfRangeException>(() => new EveryHourRule(75)).Message, StringComparison.Ordinal);
        Assert.Contains("minute must be between 0 and 59", Assert.Throws<ArgumentOutOfRangeException>(() => new EveryHourRule(timeStr: "60")).Message, StringComparison.Ordinal);
        Assert.Contains("second must be at least 0 and less than 60", Assert.Throws<ArgumentOutOfRangeException>(() => new EveryMinuteRule(timeStr: "75")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_numbers_and_time_string_together_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new EveryDayRule(hour: 5, timeStr: "6"));

        Assert.Equal("timeStr", error.ParamName);
        Assert.Contains("either as hour/minute/second or as timeStr, not both", error.Message, StringComparison.Ordinal);
        Assert.Contains("either as second or as timeStr", Assert.Throws<ArgumentException>(() => new EveryMinuteRule(1, "2")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_string_is_right_padded_per_unit()
    {
        var midnight = Fires.At("2025-01-31T00:00:00+00:00");

        Assert.Equal(Fires.At("2025-01-31T12:00:00+00:00"), new EveryDayRule(timeStr: "12", timeZone: Zones.Utc).NextAfter(midnight));
        Assert.Equal(Fires.At("2025-01-31T00:12:00+00:00"), new EveryHourRule(timeStr: "12", timeZone: Zones.Utc).NextAfter(midnight));
        Assert.Equal(Fires.At("2025-01-31T00:00:12+00:00"), new EveryMinuteRule(timeStr: "12", timeZone: Zones.Utc).NextAfter(midnight));
        Assert.Equal(Fires.At("2025-01-31T07:05:00+00:00"), new EveryDayRule(timeStr: "7:5", timeZone: Zones.Utc).NextAfter(midnight));
    }
}

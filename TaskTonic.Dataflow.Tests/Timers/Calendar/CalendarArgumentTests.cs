using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Tests.Timers;

public sealed class CalendarArgumentTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void SC31_month_out_of_range(int month)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EveryYearRule(month, 1));

        Assert.Equal("month", error.ParamName);
        Assert.Contains("month must be between 1 and 12", error.Message, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"got {month}"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_month_name_lists_the_names()
    {
        var error = Assert.Throws<ArgumentException>(() => new EveryYearRule("Smarch", 1));

        Assert.Contains("January..December, Jan..Dec", error.Message, StringComparison.Ordinal);
        Assert.Contains("got 'Smarch'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(32)]
    [InlineData(-32)]
    [InlineData(0)]
    public void SC32_day_out_of_range(int day)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EveryMonthRule(day));

        Assert.Equal("day", error.ParamName);
        Assert.Contains("day must be between -31 and 31 and not 0", error.Message, StringComparison.Ordinal);
        Assert.Contains(FormattableString.Invariant($"got {day}"), error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EveryYearRule(1, day));
    }

    [Fact]
    public void SC33_undefined_weekday()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EveryWeekRule((DayOfWeek)7));

        Assert.Contains("DayOfWeek (Sunday..Saturday)", error.Message, StringComparison.Ordinal);
        Assert.Contains("got 7", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EveryMonthRule((DayOfWeek)(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EveryYearRule(new IsoWeekNumber(1), (DayOfWeek)7));
    }

    [Fact]
    public void SC34_unknown_weekday_name_lists_the_names()
    {
        var error = Assert.Throws<ArgumentException>(() => new EveryWeekRule("funday"));

        Assert.Equal("weekday", error.ParamName);
        Assert.Contains("Monday..Sunday, Mon..Sun", error.Message, StringComparison.Ordinal);
        Assert.Contains("got 'funday'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_week_zero_is_rejected()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EveryMonthRule(DayOfWeek.Monday, 0));

        Assert.Equal("inWeek", error.ParamName);
        Assert.Contains("inWeek must not be 0", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EveryYearRule(3, "sun", 0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(54)]
    public void Iso_week_out_of_range(int week)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new IsoWeekNumber(week));

        Assert.Contains("week must be an ISO-8601 week number between 1 and 53", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EveryYearRule(default(IsoWeekNumber), DayOfWeek.Monday));
    }

    [Fact]
    public void SC39_a_missing_day_is_an_argument_error()
    {
        var month = Assert.Throws<ArgumentNullException>(() => new EveryMonthRule((string)null!));
        var year = Assert.Throws<ArgumentNullException>(() => new EveryYearRule(2, (string)null!));
        var yearMonth = Assert.Throws<ArgumentNullException>(() => new EveryYearRule((string)null!, 1));

        Assert.Contains("the day is required", month.Message, StringComparison.Ordinal);
        Assert.Contains("the day is required", year.Message, StringComparison.Ordinal);
        Assert.Contains("month must be between 1 and 12", yearMonth.Message, StringComparison.Ordinal);
    }
}

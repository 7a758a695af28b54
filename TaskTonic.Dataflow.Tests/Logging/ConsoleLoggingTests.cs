using Microsoft.Extensions.Logging;
using TaskTonic.Dataflow.Logging;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Logging;

public sealed partial class ConsoleLoggingTests
{
    private sealed partial class Door : Tonic
    {
        public Door(LogMode? mode = null)
            : base(new TonicOptions { Name = "door", LogMode = mode })
        {
        }

        private void ttse__on_start() => ToState(States.Locked);

        private void ttsc_locked__open() => Log("Cannot open. Door is locked!");
    }

    private static string Run(LogMode? mode, TimeSpan threshold, LogLevel minimum = LogLevel.Trace)
    {
        var output = new StringWriter();
        var settings = new FormulaOptions
        {
            LoggerFactory = new TonicConsoleLoggerFactory(output, minimum),
            SlowSparkleThreshold = threshold,
            TimeProvider = new VirtualClock(),
        };
        var distiller = new Distiller(new Formula(settings));
        var door = distiller.Spawn(() => new Door(mode));
        distiller.RunUntilIdle();
        door.Open();
        distiller.RunUntilIdle();
        return output.ToString();
    }

    [Fact]
    public void Default_settings_log_to_the_console_factory() =>
        Assert.Same(TonicConsoleLoggerFactory.Console, new FormulaOptions().LoggerFactory);

    [Fact]
    public void Quiet_mode_prints_time_level_tonic_state_and_sparkle()
    {
        var text = Run(mode: null, TimeSpan.FromMilliseconds(100));

        Assert.Matches(@"(?m)^\d\d:\d\d:\d\d\.\d{3} info door\[locked\]\.ttsc_locked__open: Cannot open\. Door is locked!\r?$", text);
        Assert.Contains("info door state", text);
        Assert.DoesNotContain("trce", text);
    }

    [Fact]
    public void Full_mode_prints_every_sparkle_with_source_and_duration()
    {
        var text = Run(LogMode.Full, TimeSpan.MaxValue);

        Assert.Matches(@"trce door\[locked\]\.ttsc_locked__open from outside took \d+\.\d{3} ms", text);
        Assert.DoesNotContain("WARN", text);
    }

    [Fact]
    public void Full_mode_warns_about_a_sparkle_over_the_threshold()
    {
        var text = Run(LogMode.Full, TimeSpan.Zero);

        Assert.Matches(@"WARN door\[locked\]\.ttsc_locked__open from outside took \d+\.\d{3} ms, over the 0 ms threshold", text);
    }

    [Fact]
    public void Entries_below_the_minimum_level_are_skipped()
    {
        var text = Run(LogMode.Full, TimeSpan.MaxValue, LogLevel.Information);

        Assert.Contains("Cannot open", text);
        Assert.DoesNotContain("trce", text);
    }

    [Fact]
    public void Negative_threshold_is_rejected_naming_the_setting()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FormulaOptions { SlowSparkleThreshold = TimeSpan.FromTicks(-1) });
        Assert.Equal(nameof(FormulaOptions.SlowSparkleThreshold), ex.ParamName);
    }

    [Fact]
    public void Undefined_minimum_level_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TonicConsoleLoggerFactory(minimumLevel: (LogLevel)42));
}

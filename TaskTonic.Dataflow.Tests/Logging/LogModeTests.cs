using Microsoft.Extensions.Logging;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Logging;

public sealed partial class LogModeTests
{
    private sealed partial class Chatty : Tonic
    {
        private readonly bool _isRoot;

        public Chatty(LogMode? mode = null, bool isRoot = true)
            : base(new TonicOptions { LogMode = mode })
        {
            _isRoot = isRoot;
        }

        public Chatty? Child { get; private set; }

        private void ttse__on_start()
        {
            ToState(States.Idle);
            if (_isRoot)
            {
                Child = new Chatty(isRoot: false);
            }
        }

        private void ttse_idle__on_enter() => Log("entered idle");

        private void ttsc__with_line() => Log("hello");

        private void ttsc__bye() => Finish();
    }

    private static (Distiller Distiller, CapturingLoggerFactory Logs, Chatty Tonic) Run(LogMode? mode, LogMode defaultMode = LogMode.Quiet)
    {
        var logs = new CapturingLoggerFactory();
        var distiller = new Distiller(new Formula(new FormulaOptions { LoggerFactory = logs, DefaultLogMode = defaultMode, TimeProvider = new VirtualClock() }));
        var tonic = distiller.Spawn(() => new Chatty(mode));
        distiller.RunUntilIdle();
        tonic.WithLine();
        tonic.Bye();
        distiller.RunUntilIdle();
        return (distiller, logs, tonic);
    }

    private static List<string> TextsOf(CapturingLoggerFactory logs, string tonicName) =>
        [.. logs.Entries.Where(e => e.Text.StartsWith(tonicName, StringComparison.Ordinal)).Select(e => e.Text)];

    [Fact]
    public void LG01_full_mode_logs_lifecycle_lines_and_every_sparkle()
    {
        var (_, logs, tonic) = Run(LogMode.Full);
        var texts = TextsOf(logs, tonic.Name);
        Assert.Contains($"{tonic.Name} started", texts);
        Assert.Contains($"{tonic.Name} state -- -> idle", texts);
        Assert.Contains($"{tonic.Name}[idle].ttse_idle__on_enter: entered idle", texts);
        Assert.Contains($"{tonic.Name}[idle].ttsc__with_line: hello", texts);
        Assert.Contains($"{tonic.Name} finishing", texts);
        Assert.Contains($"{tonic.Name} state idle -> --", texts);
        Assert.Contains($"{tonic.Name} finished", texts);
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Trace && e.Text.StartsWith($"{tonic.Name}[idle].ttsc__with_line from", StringComparison.Ordinal));
    }

    [Fact]
    public void LG02_quiet_mode_logs_lifecycle_and_lines_but_no_sparkle_entries()
    {
        var (_, logs, tonic) = Run(LogMode.Quiet);
        var texts = TextsOf(logs, tonic.Name);
        Assert.Contains($"{tonic.Name}[idle].ttsc__with_line: hello", texts);
        Assert.Contains($"{tonic.Name} finished", texts);
        Assert.DoesNotContain(logs.Entries, e => e.Level == LogLevel.Trace);
    }

    [Fact]
    public void LG03_off_mode_logs_lifecycle_only()
    {
        var (_, logs, tonic) = Run(LogMode.Lifecycle);
        var texts = TextsOf(logs, tonic.Name);
        Assert.Contains($"{tonic.Name} started", texts);
        Assert.Contains($"{tonic.Name} finished", texts);
        Assert.DoesNotContain(texts, t => t.Contains("hello", StringComparison.Ordinal) || t.Contains("entered idle", StringComparison.Ordinal));
    }

    [Fact]
    public void LG04_stealth_mode_logs_nothing()
    {
        var (_, logs, tonic) = Run(LogMode.Stealth);
        Assert.Empty(TextsOf(logs, tonic.Name));
    }

    [Fact]
    public void LG05_children_inherit_the_base_mode_including_stealth_and_explicit_modes_win()
    {
        var (_, _, stealthy) = Run(LogMode.Stealth, defaultMode: LogMode.Full);
        Assert.Equal(LogMode.Stealth, stealthy.Child!.LogMode);
        var (_, _, plain) = Run(mode: null, defaultMode: LogMode.Lifecycle);
        Assert.Equal(LogMode.Lifecycle, plain.LogMode);
        Assert.Equal(LogMode.Lifecycle, plain.Child!.LogMode);
        Assert.Equal(LogMode.Full, LogModes.Parse("FULL"));
        Assert.Equal(LogMode.Quiet, LogModes.FromInt32(2));
        Assert.Throws<ArgumentException>(() => LogModes.Parse("loud"));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogModes.FromInt32(7));
    }

    [Fact]
    public void Log_lines_carry_tonic_sparkle_and_state_in_their_scope()
    {
        var (_, logs, tonic) = Run(LogMode.Quiet);
        var hello = logs.Entries.Single(e => e.Text.EndsWith(": hello", StringComparison.Ordinal));
        var scope = Assert.IsAssignableFrom<IReadOnlyList<KeyValuePair<string, object?>>>(hello.Scopes.Single());
        Assert.Contains(new KeyValuePair<string, object?>("TonicId", tonic.Id), scope);
        Assert.Contains(new KeyValuePair<string, object?>("Tonic", tonic.Name), scope);
        Assert.Contains(new KeyValuePair<string, object?>("Sparkle", "ttsc__with_line"), scope);
        Assert.Contains(new KeyValuePair<string, object?>("State", "idle"), scope);
    }
}

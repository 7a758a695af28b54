using System.Diagnostics;
using System.Globalization;
using System.Text;
using TaskTonic.Dataflow.Timers;

namespace TaskTonic.Dataflow.Benchmarks.Timers;

/// <summary>
/// A standalone measurement (not BenchmarkDotNet) of repeat timers on the real clock: many tonics, each with one
/// <see cref="RepeatTimer"/>, spread over two thread-pool catalysts. It reports how late the handlers ran (p50, p99,
/// p99.9, max of <see cref="TimerInfo.Lateness"/>), whether every timer kept its grid (fires plus missed ticks against
/// the periods that elapsed: no drift), and the managed memory per timer.
/// </summary>
/// <example><c>Console.WriteLine(await TimerLatenessBenchmark.RunAsync(10_000, TimeSpan.FromMilliseconds(10), TimeSpan.FromSeconds(10)));</c></example>
public sealed partial class TimerLatenessBenchmark
{
    private const int CatalystCount = 2;

    private TimerLatenessBenchmark()
    {
    }

    /// <summary>Runs the measurement and returns it as a markdown table.</summary>
    /// <param name="tonics">How many tonics (one timer each).</param>
    /// <param name="period">The repeat period of every timer.</param>
    /// <param name="duration">How long the timers run on the real clock.</param>
    /// <returns>A markdown table of the results.</returns>
    public static async Task<string> RunAsync(int tonics, TimeSpan period, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tonics, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);

        var formula = new Formula(new FormulaSettings { ProjectName = "timer lateness benchmark", DefaultLogMode = LogMode.Stealth });
        Conductor? conductor = null;
        formula.AddStartingTonic(() => conductor = new Conductor(tonics, period));
        var run = formula.RunAsync();
        await conductor!.Created.ConfigureAwait(false);
        var players = conductor.Players;

        // Baseline: every player has started and holds no timer.
        await Round(players, conductor, static p => p.Ready()).ConfigureAwait(false);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await Round(players, conductor, static p => p.Arm()).ConfigureAwait(false);
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var maxQueued = 0;
        using (var sampler = new PeriodicTimer(TimeSpan.FromMilliseconds(100)))
        {
            while (wall.Elapsed < duration && await sampler.WaitForNextTickAsync().ConfigureAwait(false))
            {
                maxQueued = Math.Max(maxQueued, conductor.Catalysts.Max(c => c.QueuedWorkOrders));
            }
        }

        await Round(players, conductor, static p => p.Halt()).ConfigureAwait(false);
        wall.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        conductor.Finish();
        await run.ConfigureAwait(false);

        var lateness = LatenessHistogram.Merge(conductor.Histograms);
        var totals = Totals.Of(players);
        return Report(tonics, period, duration, wall.Elapsed, lateness, totals, (after - before) / (double)tonics, cpu, maxQueued);
    }

    private static Task Round(IReadOnlyList<Player> players, Conductor conductor, Action<Player> command)
    {
        var countdown = new Countdown(players.Count);
        conductor.Round = countdown;
        foreach (var player in players)
        {
            command(player);
        }

        return countdown.Task;
    }

    private static string Report(int tonics, TimeSpan period, TimeSpan duration, TimeSpan wall, LatenessHistogram lateness, Totals totals,
        double bytesPerTimer, TimeSpan cpu, int maxQueued)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(culture, $"### Timer lateness: {tonics:N0} tonics × {Ms(period)} repeat timers, {CatalystCount} catalysts, {duration.TotalSeconds:0.#} s");
        text.AppendLine();
        text.AppendLine("| metric | value |");
        text.AppendLine("|---|---|");
        text.AppendLine(culture, $"| fire lateness p50 / p99 / p99.9 | {Ms(lateness.Percentile(0.50))} / {Ms(lateness.Percentile(0.99))} / {Ms(lateness.Percentile(0.999))} |");
        text.AppendLine(culture, $"| fire lateness min / max | {Ms(lateness.Min)} / {Ms(lateness.Max)} |");
        text.AppendLine(culture, $"| fires (handler runs) | {totals.Fires:N0} ({totals.Fires / wall.TotalSeconds:N0}/s) |");
        text.AppendLine(culture, $"| periods elapsed (expected ticks) | {totals.Expected:N0} |");
        text.AppendLine(culture, $"| missed ticks (skip policy) | {totals.Missed:N0} |");
        text.AppendLine(culture, $"| fires + missed − expected (drift) | {totals.Fires + totals.Missed - totals.Expected:N0} (per timer: min {totals.MinDelta}, max {totals.MaxDelta}; −1 = an expiry still queued at the stop, +1 = the last one ran within the 1 ms early tolerance) |");
        text.AppendLine(culture, $"| fires off the timer's grid | {totals.OffGrid:N0} |");
        text.AppendLine(culture, $"| managed memory per timer | {bytesPerTimer:N0} bytes |");
        text.AppendLine(culture, $"| CPU (all threads) / wall | {cpu.TotalSeconds:0.0} s / {wall.TotalSeconds:0.0} s on {Environment.ProcessorCount} cores ({cpu / wall / Environment.ProcessorCount:P0} of the machine) |");
        text.AppendLine(culture, $"| most work orders queued on one catalyst (sampled every 100 ms) | {maxQueued:N0} |");
        return text.ToString();
    }

    private static string Ms(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalMilliseconds:0.###} ms");

    /// <summary>Creates the catalysts and the players, and carries the countdown of the current round.</summary>
    private sealed partial class Conductor : Tonic
    {
        private readonly int _count;
        private readonly TimeSpan _period;
        private readonly TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private Countdown? _round;

        public Conductor(int count, TimeSpan period)
        {
            _count = count;
            _period = period;
        }

        public Task Created => _created.Task;

        public List<Player> Players { get; } = [];

        public List<Catalyst> Catalysts { get; } = [];

        public List<LatenessHistogram> Histograms { get; } = [];

        public Countdown? Round
        {
            get => Volatile.Read(ref _round);
            set => Volatile.Write(ref _round, value);
        }

        private void ttse__on_start()
        {
            for (var i = 0; i < CatalystCount; i++)
            {
                Catalysts.Add(new Catalyst(new CatalystOptions { Name = $"timers-{i + 1}" }));
                Histograms.Add(new LatenessHistogram());
            }

            for (var i = 0; i < _count; i++)
            {
                Players.Add(new Player(this, Catalysts[i % CatalystCount], Histograms[i % CatalystCount], _period));
            }

            _created.TrySetResult();
        }
    }

    /// <summary>A tonic with one repeat timer; it records every expiry in its catalyst's histogram.</summary>
    private sealed partial class Player : Tonic
    {
        private readonly Conductor _conductor;
        private readonly LatenessHistogram _histogram;
        private readonly TimeSpan _period;
        private RepeatTimer? _timer;
        private DateTimeOffset _armedAt;
        private DateTimeOffset _lastScheduled;

        public Player(Conductor conductor, Catalyst catalyst, LatenessHistogram histogram, TimeSpan period)
            : base(new TonicOptions { Catalyst = catalyst, LogMode = LogMode.Off })
        {
            _conductor = conductor;
            _histogram = histogram;
            _period = period;
        }

        public long Fires { get; private set; }

        public long Missed { get; private set; }

        public long Expected { get; private set; }

        public bool OffGrid { get; private set; }

        private void ttsc__ready() => _conductor.Round!.Signal();

        private void ttsc__arm()
        {
            _timer = new RepeatTimer(_period, name: "beat");
            _armedAt = _timer.Expiry!.Value - _period;
            _conductor.Round!.Signal();
        }

        private void ttsc__halt()
        {
            var now = Ledger.TimeProvider.GetUtcNow();
            _timer!.Stop();
            Expected = (now - _armedAt).Ticks / _period.Ticks;
            OffGrid = Fires > 0 && (_lastScheduled - _armedAt).Ticks % _period.Ticks != 0;
            _conductor.Round!.Signal();
        }

        private void ttse__on_beat(TimerInfo info)
        {
            Fires++;
            Missed += info.MissedTicks;
            _lastScheduled = info.ScheduledAt;
            _histogram.Record(info.Lateness);
        }
    }

    /// <summary>Counts a round of commands down; completes when every player answered.</summary>
    private sealed class Countdown(int count)
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _left = count;

        public Task Task => _done.Task;

        public void Signal()
        {
            if (Interlocked.Decrement(ref _left) == 0)
            {
                _done.TrySetResult();
            }
        }
    }

    /// <summary>The per-player results, summed.</summary>
    private sealed record Totals(long Fires, long Missed, long Expected, long MinDelta, long MaxDelta, int OffGrid)
    {
        public static Totals Of(IEnumerable<Player> players)
        {
            long fires = 0, missed = 0, expected = 0, minDelta = long.MaxValue, maxDelta = long.MinValue;
            var offGrid = 0;
            foreach (var player in players)
            {
                fires += player.Fires;
                missed += player.Missed;
                expected += player.Expected;
                var delta = player.Fires + player.Missed - player.Expected;
                minDelta = Math.Min(minDelta, delta);
                maxDelta = Math.Max(maxDelta, delta);
                offGrid += player.OffGrid ? 1 : 0;
            }

            return new Totals(fires, missed, expected, minDelta, maxDelta, offGrid);
        }
    }

    /// <summary>
    /// Lateness in 10 µs buckets up to 1 s (one histogram per catalyst, written only by that catalyst's sparkles).
    /// Early fires (the system timer may run up to a millisecond early) count in the first bucket; min and max are exact.
    /// </summary>
    private sealed class LatenessHistogram
    {
        private const long BucketTicks = 100;
        private const int Buckets = 100_000;
        private readonly long[] _counts = new long[Buckets + 1];

        public long Count { get; private set; }

        public TimeSpan Min { get; private set; } = TimeSpan.MaxValue;

        public TimeSpan Max { get; private set; } = TimeSpan.MinValue;

        public static LatenessHistogram Merge(IEnumerable<LatenessHistogram> parts)
        {
            var merged = new LatenessHistogram();
            foreach (var part in parts)
            {
                for (var i = 0; i < part._counts.Length; i++)
                {
                    merged._counts[i] += part._counts[i];
                }

                merged.Count += part.Count;
                merged.Min = part.Count > 0 && part.Min < merged.Min ? part.Min : merged.Min;
                merged.Max = part.Count > 0 && part.Max > merged.Max ? part.Max : merged.Max;
            }

            return merged;
        }

        public void Record(TimeSpan lateness)
        {
            Count++;
            Min = lateness < Min ? lateness : Min;
            Max = lateness > Max ? lateness : Max;
            var bucket = lateness.Ticks <= 0 ? 0 : Math.Min(Buckets, lateness.Ticks / BucketTicks);
            _counts[bucket]++;
        }

        /// <summary>The upper edge of the bucket holding the given fraction of the fires (the overflow bucket reports <see cref="Max"/>).</summary>
        public TimeSpan Percentile(double fraction)
        {
            if (Count == 0)
            {
                return TimeSpan.Zero;
            }

            var rank = (long)Math.Ceiling(fraction * Count);
            long seen = 0;
            for (var i = 0; i < _counts.Length; i++)
            {
                seen += _counts[i];
                if (seen >= rank)
                {
                    return i == Buckets ? Max : TimeSpan.FromTicks((i + 1) * BucketTicks);
                }
            }

            return Max;
        }
    }
}

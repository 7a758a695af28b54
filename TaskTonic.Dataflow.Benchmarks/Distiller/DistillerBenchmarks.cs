using BenchmarkDotNet.Attributes;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Recording;

namespace TaskTonic.Dataflow.Benchmarks.Distiller;

/// <summary>
/// The cost of the test tooling (issue 5): recording on versus off for the chain and the flood on real catalysts
/// (the recorder writes to <see cref="Stream.Null"/> through its 64 KiB buffer, so encoding, checksums and framing are
/// measured and the disk is not), the replay speed in work orders per second, and the distiller's own cost per sparkle.
/// </summary>
/// <remarks>
/// Every method uses the suite's sizes (<see cref="ScenarioBenchmarkAttribute"/>), so results read per work order:
/// <c>Chain*</c> and <c>Flood*</c> run <see cref="BenchmarkSize.ChainMessages"/> / <see cref="BenchmarkSize.FloodMessages"/>
/// messages through one formula; <see cref="DistillerChain"/> and <see cref="Replay"/> run the same number of work
/// orders as chains of <see cref="DistilledLinks"/> links, each in a fresh distiller (its trace keeps every sparkle).
/// </remarks>
[MemoryDiagnoser]
public partial class DistillerBenchmarks
{
    private readonly CompletionSignal _done = new();
    private Formula? _formula;
    private Task? _run;
    private Recorder? _recorder;
    private Chainer? _chainer;
    private Receiver? _receiver;
    private SparkleRecording? _recording;

    /// <summary>Gets the links of one chain under the distiller.</summary>
    public static int DistilledLinks => Math.Min(10_000, BenchmarkSize.ChainMessages);

    private static int DistilledRounds => Math.Max(1, BenchmarkSize.ChainMessages / DistilledLinks);

    [GlobalSetup(Target = nameof(ChainRecordingOff))]
    public void SetupChainOff() => StartFormula(record: false);

    [GlobalSetup(Target = nameof(ChainRecordingOn))]
    public void SetupChainOn() => StartFormula(record: true);

    [GlobalSetup(Target = nameof(FloodRecordingOff))]
    public void SetupFloodOff() => StartFormula(record: false);

    [GlobalSetup(Target = nameof(FloodRecordingOn))]
    public void SetupFloodOn() => StartFormula(record: true);

    [GlobalSetup(Target = nameof(Replay))]
    public void SetupReplay()
    {
        using var stream = new MemoryStream();
        var formula = new Formula(new FormulaOptions { DefaultLogMode = LogMode.Stealth });
        Chainer? chainer = null;
        formula.AddStartingTonic(() => chainer = new Chainer(new MessageTally(DistilledLinks, _done), finishAtEnd: true));
        using (Recorder.Attach(formula.Ledger, stream, new RecordingOptions { LeaveOpen = true }))
        {
            _done.Reset();
            var run = formula.RunAsync();
            chainer!.Link(DistilledLinks);
            Wait(run);
        }

        stream.Position = 0;
        _recording = SparkleRecording.Read(stream);
    }

    /// <summary>The chain on the thread pool, no recorder.</summary>
    [ScenarioBenchmark(Scenario.Chain)]
    public void ChainRecordingOff() => RunChain();

    /// <summary>The chain on the thread pool, every work order recorded.</summary>
    [ScenarioBenchmark(Scenario.Chain)]
    public void ChainRecordingOn() => RunChain();

    /// <summary>One producer floods one tonic, no recorder.</summary>
    [ScenarioBenchmark(Scenario.Flood)]
    public void FloodRecordingOff() => RunFlood();

    /// <summary>One producer floods one tonic, every work order recorded.</summary>
    [ScenarioBenchmark(Scenario.Flood)]
    public void FloodRecordingOn() => RunFlood();

    /// <summary>Chains run by hand in fresh distillers (virtual clock, every sparkle traced).</summary>
    [ScenarioBenchmark(Scenario.Chain)]
    public void DistillerChain()
    {
        for (var round = 0; round < DistilledRounds; round++)
        {
            var distiller = new Testing.Distiller();
            var chainer = distiller.Spawn(() => new Chainer(new MessageTally(DistilledLinks, _done), finishAtEnd: false));
            chainer.Link(DistilledLinks);
            distiller.RunUntilIdle();
        }
    }

    /// <summary>A recorded chain replayed into fresh distillers: work orders per second of replay.</summary>
    [ScenarioBenchmark(Scenario.Chain)]
    public void Replay()
    {
        for (var round = 0; round < DistilledRounds; round++)
        {
            var distiller = new Testing.Distiller();
            distiller.Formula.AddStartingTonic(() => new Chainer(new MessageTally(DistilledLinks, _done), finishAtEnd: true));
            Replayer.Replay(_recording!, distiller);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_formula is not null)
        {
            _formula.Ledger.Shutdown();
            Wait(_run!);
        }

        _recorder?.Dispose();
        (_formula, _run, _recorder, _chainer, _receiver, _recording) = (null, null, null, null, null, null);
    }

    private static void Wait(Task task)
    {
        if (!task.Wait(CompletionSignal.Watchdog))
        {
            throw new TimeoutException("The formula did not complete.");
        }
    }

    private void StartFormula(bool record)
    {
        _formula = new Formula(new FormulaOptions { ProjectName = "distiller benchmarks", DefaultLogMode = LogMode.Stealth });
        _formula.AddStartingTonic(() => _chainer = new Chainer(new MessageTally(BenchmarkSize.ChainMessages, _done), finishAtEnd: false));
        _formula.AddStartingTonic(() => _receiver = new Receiver(new MessageTally(BenchmarkSize.FloodMessages, _done)));
        if (record)
        {
            _recorder = Recorder.Attach(_formula.Ledger, Stream.Null);
        }

        _run = _formula.RunAsync();
    }

    private void RunChain()
    {
        _done.Reset();
        _chainer!.Link(BenchmarkSize.ChainMessages);
        _done.Wait();
    }

    private void RunFlood()
    {
        _done.Reset();
        var receiver = _receiver!;
        for (var i = 0; i < BenchmarkSize.FloodMessages; i++)
        {
            receiver.Flood(i);
        }

        _done.Wait();
    }

    private sealed partial class Chainer(MessageTally tally, bool finishAtEnd) : Tonic("chainer")
    {
        private void ttsc__link(int remaining)
        {
            tally.Count();
            if (remaining > 1)
            {
                Link(remaining - 1);
            }
            else if (finishAtEnd)
            {
                Finish();
            }
        }
    }

    private sealed partial class Receiver(MessageTally tally) : Tonic("receiver")
    {
        private void ttsc__flood(int message) => tally.Count();
    }
}

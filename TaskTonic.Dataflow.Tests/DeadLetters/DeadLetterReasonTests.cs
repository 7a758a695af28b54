using System.Diagnostics.Metrics;
using TaskTonic.Dataflow.DeadLetters;
using TaskTonic.Dataflow.Supervision;
using TaskTonic.Dataflow.Telemetry;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.DeadLetters;

/// <summary>
/// Issue 15 item 6: the dead letters are the one observation path of dropped and failed work: every reason is published
/// on the sink, counted per reason, and exported on the meter as <c>tasktonic.dead_letters</c> tagged with the reason.
/// </summary>
public sealed partial class DeadLetterReasonTests
{
    private sealed partial class Target(BoundedMailbox? mailbox = null) : Tonic(new TonicOptions { Mailbox = mailbox })
    {
        public int Runs { get; private set; }

        private void ttsc__work(int n) => Runs++;

        private void ttsc__fail() => throw new InvalidOperationException("fails");

        private void ttsc__quit_then(int n)
        {
            Finish();
            Work(n);
        }

        private void ttse__on_finished() => Work(-1);
    }

    private sealed partial class Door : Tonic
    {
        private void ttse__on_start() => ToState(States.Locked);

        private void ttse_locked__on_enter()
        {
        }

        private void ttsc__kick() => throw new InvalidOperationException("kicked");
    }

    private sealed partial class Boss(Func<Tonic> factory) : Tonic
    {
        public Tonic? Worker { get; private set; }

        private void ttse__on_start() =>
            Worker = Infuse(factory, SupervisionPolicy.Restart(new RestartOptions { Delay = TimeSpan.FromSeconds(1) }));
    }

    public static TheoryData<DeadLetterReason> Reasons() =>
    [
        DeadLetterReason.Failed, DeadLetterReason.TonicFinishing, DeadLetterReason.TonicCompleted, DeadLetterReason.TonicRestarted,
        DeadLetterReason.UnknownTarget, DeadLetterReason.MailboxFull,
    ];

    [Theory]
    [MemberData(nameof(Reasons))]
    public void DR01_each_reason_is_published_counted_and_on_the_meter_and_the_catalyst_goes_on(DeadLetterReason reason)
    {
        using var meter = new DeadLetterMeter();
        var formula = "dead-letter-reason-" + reason;
        var distiller = new Distiller(new Formula(new FormulaOptions { ProjectName = formula, TimeProvider = new VirtualClock() }));
        var letters = new List<DeadLetter>();
        using var subscription = distiller.Ledger.DeadLetters.Subscribe(letters.Add);
        var bystander = distiller.Spawn(() => new Target());
        distiller.RunUntilIdle();

        Provoke(distiller, reason);
        bystander.Work(1);
        distiller.RunUntilIdle();

        Assert.Contains(letters, l => l.Reason == reason);
        var counted = distiller.Ledger.DeadLetters.CountOf(reason);
        Assert.Equal(letters.Count(l => l.Reason == reason), counted);
        Assert.Equal(counted, meter.Read(formula, reason));
        Assert.Equal(distiller.Ledger.DeadLetters.Count, meter.Read(formula));
        Assert.Equal(1, bystander.Runs);
    }

    [Fact]
    public void DR02_a_dead_letter_carries_the_target_state_and_the_action_subscription_ends_when_disposed()
    {
        var distiller = new Distiller();
        var letters = new List<DeadLetter>();
        var subscription = distiller.Ledger.DeadLetters.Subscribe(letters.Add);
        var door = distiller.Spawn(() => new Door());
        distiller.RunUntilIdle();

        door.Kick();
        distiller.RunUntilIdle();
        subscription.Dispose();
        door.Kick();
        distiller.RunUntilIdle();

        var letter = Assert.Single(letters);
        Assert.Equal(DeadLetterReason.Failed, letter.Reason);
        Assert.Equal("locked", letter.StateName);
        Assert.Equal("ttsc__kick", letter.SparkleName);
        Assert.Equal(2, distiller.Ledger.FailureCount);
        Assert.Throws<ArgumentNullException>(() => distiller.Ledger.DeadLetters.Subscribe((Action<DeadLetter>)null!));
    }

    private static void Provoke(Distiller distiller, DeadLetterReason reason)
    {
        switch (reason)
        {
            case DeadLetterReason.Failed:
                distiller.Spawn(() => new Target()).Fail();
                break;
            case DeadLetterReason.TonicFinishing:
            case DeadLetterReason.TonicCompleted:
                var quitter = distiller.Spawn(() => new Target());
                quitter.QuitThen(1);
                distiller.RunUntilIdle();
                quitter.Work(2);
                break;
            case DeadLetterReason.TonicRestarted:
                var boss = distiller.Spawn(() => new Boss(() => new Target()));
                distiller.RunUntilIdle();
                var old = (Target)boss.Worker!;
                old.Fail();
                distiller.RunUntil(() => distiller.Ledger.Supervision.CountOf(SupervisionEventKind.RestartScheduled) > 0);
                old.PostUserCallback(() => { });
                break;
            case DeadLetterReason.UnknownTarget:
                distiller.Ledger.DeadLetters.ReportUnknownTarget("nobody", "ttsc__work", 1);
                break;
            case DeadLetterReason.MailboxFull:
                var bounded = distiller.Spawn(() => new Target(new BoundedMailbox(1, MailboxFullMode.DropNewest)));
                distiller.RunUntilIdle();
                bounded.Work(1);
                bounded.Work(2);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(reason), reason, "No scenario for this reason.");
        }
    }

    /// <summary>Reads the observable <c>tasktonic.dead_letters</c> counter of the runtime's meter.</summary>
    private sealed class DeadLetterMeter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<(long Value, string? Formula, string? Reason)> _points = [];

        public DeadLetterMeter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == TonicTelemetry.Name && instrument.Name == TonicTelemetry.Instruments.DeadLettered)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                string? formula = null, reason = null;
                foreach (var tag in tags)
                {
                    formula = tag.Key == TonicTelemetry.FormulaTag ? tag.Value as string : formula;
                    reason = tag.Key == TonicTelemetry.ReasonTag ? tag.Value as string : reason;
                }

                _points.Add((value, formula, reason));
            });
            _listener.Start();
        }

        public long Read(string formula, DeadLetterReason? reason = null)
        {
            _points.Clear();
            _listener.RecordObservableInstruments();
            return _points.Where(p => p.Formula == formula && (reason is null || p.Reason == reason.ToString())).Sum(p => p.Value);
        }

        public void Dispose() => _listener.Dispose();
    }
}

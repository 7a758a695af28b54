using Akka.Actor;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.StateMachine;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Akka;

/// <summary>The two-state machine as an Akka.NET <see cref="UntypedActor"/> switching behaviour with <c>Become</c>.</summary>
public sealed class AkkaNetStateMachine : IStateMachineImplementation
{
    private ActorSystem? _system;
    private IActorRef _actor = ActorRefs.Nobody;

    public void Setup(int transitionsPerRun, CompletionSignal done)
    {
        _system = AkkaNetSystem.Create("statemachine");
        var tally = new SwitchTally(transitionsPerRun, done);
        _actor = _system.ActorOf(Props.Create(() => new Switch(tally)), "switch");
    }

    public void Send(SwitchEvent switchEvent) => _actor.Tell(switchEvent, ActorRefs.NoSender);

    public void Dispose() => AkkaNetSystem.Terminate(_system);

    private sealed class Switch : UntypedActor
    {
        private readonly SwitchTally _tally;
        private readonly UntypedReceive _off;
        private readonly UntypedReceive _on;

        public Switch(SwitchTally tally)
        {
            _tally = tally;
            _off = Off;
            _on = On;
        }

        /// <summary>The initial behaviour is Off.</summary>
        protected override void OnReceive(object message) => Off(message);

        private void Off(object message)
        {
            if (message is SwitchOn)
            {
                _tally.Exit();
                Become(_on);
                _tally.Enter();
            }
            else
            {
                _tally.Unexpected(message, nameof(Off));
            }
        }

        private void On(object message)
        {
            if (message is SwitchOff)
            {
                _tally.Exit();
                Become(_off);
                _tally.Enter();
            }
            else
            {
                _tally.Unexpected(message, nameof(On));
            }
        }
    }
}

using Proto;
using TaskTonic.Dataflow.Benchmarks.Infrastructure;
using TaskTonic.Dataflow.Benchmarks.Messages;
using TaskTonic.Dataflow.Benchmarks.Scenarios.StateMachine;

namespace TaskTonic.Dataflow.Benchmarks.Peers.Proto;

/// <summary>The two-state machine as a Proto.Actor <see cref="IActor"/> switching with a <see cref="Behavior"/>.</summary>
public sealed class ProtoActorStateMachine : IStateMachineImplementation
{
    private ActorSystem? _system;
    private PID? _actor;

    public void Setup(int transitionsPerRun, CompletionSignal done)
    {
        _system = ProtoActorSystem.Create();
        var tally = new SwitchTally(transitionsPerRun, done);
        _actor = _system.Root.Spawn(Props.FromProducer(() => new Switch(tally)));
    }

    public void Send(SwitchEvent switchEvent) => _system!.Root.Send(_actor!, switchEvent);

    public void Dispose() => ProtoActorSystem.Shutdown(_system);

    private sealed class Switch : IActor
    {
        private readonly SwitchTally _tally;
        private readonly Behavior _behavior;
        private readonly Receive _off;
        private readonly Receive _on;

        public Switch(SwitchTally tally)
        {
            _tally = tally;
            _off = Off;
            _on = On;
            _behavior = new Behavior(_off);
        }

        public Task ReceiveAsync(IContext context) => _behavior.ReceiveAsync(context);

        private Task Off(IContext context)
        {
            switch (context.Message)
            {
                case SwitchOn:
                    _tally.Exit();
                    _behavior.Become(_on);
                    _tally.Enter();
                    break;
                case SwitchEvent unexpected:
                    _tally.Unexpected(unexpected, nameof(Off));
                    break;
            }

            return Task.CompletedTask;
        }

        private Task On(IContext context)
        {
            switch (context.Message)
            {
                case SwitchOff:
                    _tally.Exit();
                    _behavior.Become(_off);
                    _tally.Enter();
                    break;
                case SwitchEvent unexpected:
                    _tally.Unexpected(unexpected, nameof(On));
                    break;
            }

            return Task.CompletedTask;
        }
    }
}

using TaskTonic.Dataflow;

namespace TaskTonicApp;

/// <summary>Counts the amounts it is sent and finishes once the total reaches its target.</summary>
public sealed partial class Counter : Tonic   // partial: the generator adds the public Add(int) entry point
{
    private readonly int _target;

    public Counter(int target)
        : base("counter")
    {
        _target = target;
    }

    public int Total { get; private set; }

    private void ttse__on_start()
    {
        Log($"counting to {_target}");
        for (var i = 0; i < _target; i++)
        {
            Add(1);   // queued: runs after this sparkle, one at a time
        }
    }

    private void ttsc__add(int amount)
    {
        Total += amount;
        Log($"total {Total}");
        if (Total >= _target)
        {
            Finish();
        }
    }
}

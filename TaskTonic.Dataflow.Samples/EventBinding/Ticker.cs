namespace TaskTonic.Dataflow.Samples.EventBinding;

/// <summary>
/// A tiny <see cref="IObservable{T}"/>: <c>count</c> ticks every <c>period</c> on a timer thread, then completion.
/// The sample binds it with <c>ttev__ticker__next</c> and <c>ttev__ticker__completed</c>.
/// </summary>
internal sealed class Ticker(int count, TimeSpan period) : IObservable<int>
{
    public IDisposable Subscribe(IObserver<int> observer)
    {
        var tick = 0;
        Timer? timer = null;
        timer = new Timer(_ =>
        {
            if (++tick <= count)
            {
                observer.OnNext(tick);
            }
            else
            {
                timer!.Dispose();
                observer.OnCompleted();
            }
        }, null, period, period);
        return timer;
    }
}

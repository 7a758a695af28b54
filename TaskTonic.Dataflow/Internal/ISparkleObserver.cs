namespace TaskTonic.Dataflow.Internal;

/// <summary>Watches every sparkle of a ledger (the Distiller traces through it). Called on the catalyst's thread.</summary>
internal interface ISparkleObserver
{
    void Entering(Tonic tonic, int sparkle, in WorkOrder order);

    void Exited(Tonic tonic, int sparkle, Exception? failure);

    void StateChanged(Tonic tonic, int oldState, int newState);
}

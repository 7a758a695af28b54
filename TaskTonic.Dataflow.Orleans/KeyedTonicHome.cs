namespace TaskTonic.Dataflow.Orleans;

/// <summary>
/// The silo's tonic of one partition: a starting tonic of the silo's formula and the base of every key's catalyst and
/// tonic on this silo, so they finish with the formula. It runs no sparkles of its own.
/// </summary>
internal sealed class KeyedTonicHome(TonicOptions options) : Tonic(options);

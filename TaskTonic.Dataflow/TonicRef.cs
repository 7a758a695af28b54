using System.ComponentModel;

namespace TaskTonic.Dataflow;

/// <summary>
/// The address of a tonic of type <typeparamref name="T"/>: what to hand to other tonics and services. It sends work
/// (the generated entry points are mirrored as extension methods, <c>door.Ref().Open(3)</c>), finishes and observes
/// completion, but gives no access to the tonic's fields. A supervised tonic that restarts is replaced by a fresh
/// instance; a ref always reaches the live one, and refs to any incarnation of one tonic are equal.
/// </summary>
/// <typeparam name="T">The tonic's class.</typeparam>
/// <remarks>
/// Get one with <see cref="TonicRef.Ref{T}(T)"/> or <see cref="TonicRef.Of{T}(T)"/>. The default value refers to no
/// tonic: its members throw <see cref="InvalidOperationException"/> (<see cref="ToString"/> and equality do not).
/// </remarks>
public readonly struct TonicRef<T> : IEquatable<TonicRef<T>>
    where T : Tonic
{
    private readonly T? _address;

    internal TonicRef(T address) => _address = address;

    /// <summary>The tonic's id in its ledger; a restart keeps it.</summary>
    public int Id => Address.Id;

    /// <summary>The tonic's name; a restart keeps it.</summary>
    public string Name => Address.Name;

    /// <summary>True once the tonic's finish has begun: work sent from then on is dropped and counted as a dead letter.</summary>
    public bool IsFinishing => Address.IsFinishing;

    /// <summary>True once the tonic and its infusions completed and it left the ledger.</summary>
    public bool IsCompleted => Address.IsCompleted;

    /// <summary>Completes when the tonic has completed (whichever incarnation was live then).</summary>
    public Task Completion => Address.Completion;

    /// <summary>
    /// The live instance, typed. This is the escape hatch the generated entry-point extensions use to post; other code
    /// should not use it: outside the tonic's own sparkles its fields race with them, and a restart replaces it.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public T UnsafeIncarnation => (T)Address.Incarnation;

    private T Address => _address ?? throw new InvalidOperationException(
        $"This TonicRef<{typeof(T).Name}> is the default value and refers to no tonic: get one with tonic.Ref() or TonicRef.Of(tonic).");

    /// <summary>True when both refer to the same tonic, across its restarts (two default refs are equal).</summary>
    public static bool operator ==(TonicRef<T> left, TonicRef<T> right) => left.Equals(right);

    /// <summary>True when they refer to different tonics.</summary>
    public static bool operator !=(TonicRef<T> left, TonicRef<T> right) => !left.Equals(right);

    /// <summary>Finishes the tonic, exactly as <see cref="Tonic.Finish"/> on it does (same caller rule, same exception).</summary>
    /// <exception cref="InvalidOperationException">Called from a sparkle of a tonic that is neither the tonic nor one of its ancestors.</exception>
    public void Finish() => Address.Finish();

    /// <summary>True when <paramref name="other"/> refers to the same tonic, across its restarts.</summary>
    public bool Equals(TonicRef<T> other) => ReferenceEquals(_address?.Address, other._address?.Address);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TonicRef<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _address?.Id ?? -1; // the id is the part of the identity that a restart keeps

    /// <summary>The tonic as <c>ref &lt;id type name&gt;</c> (its live incarnation), or <c>ref (none)</c> for the default value.</summary>
    public override string ToString() => _address is null ? "ref (none)" : $"ref {_address.Incarnation}";
}

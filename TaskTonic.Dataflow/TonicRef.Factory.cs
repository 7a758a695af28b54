namespace TaskTonic.Dataflow;

/// <summary>Creates <see cref="TonicRef{T}"/> addresses.</summary>
public static class TonicRef
{
    /// <summary>The address of <paramref name="tonic"/>. Any incarnation of a restarted tonic gives an equal ref.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tonic"/> is null.</exception>
    public static TonicRef<T> Of<T>(T tonic)
        where T : Tonic
    {
        ArgumentNullException.ThrowIfNull(tonic);

        // A restart builds the same class (the constructor refuses another), so the first incarnation is a T too.
        return new TonicRef<T>((T)tonic.Address);
    }

    /// <summary>The address of <paramref name="tonic"/>, typed by its static type: <c>door.Ref().Open(3)</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="tonic"/> is null.</exception>
    public static TonicRef<T> Ref<T>(this T tonic)
        where T : Tonic => Of(tonic);
}

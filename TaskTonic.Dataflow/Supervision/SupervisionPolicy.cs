namespace TaskTonic.Dataflow.Supervision;

/// <summary>
/// What a supervisor does when an infusion fails: a <see cref="SupervisionDirective"/> (or a decider per exception),
/// the <see cref="SupervisionStrategy"/>, and the <see cref="RestartOptions"/> of the restart path. Declare it per child
/// (<c>Infuse(factory, policy)</c>), per child type (<c>SuperviseInfusions&lt;T&gt;(policy)</c>), or formula-wide
/// (<see cref="FormulaOptions.Supervision"/>).
/// </summary>
/// <remarks>A policy object can be shared; the restart budget is kept per child (per group for all-for-one).</remarks>
public sealed class SupervisionPolicy
{
    /// <summary>Skip the failed work order (the default of every formula).</summary>
    public static SupervisionPolicy Resume { get; } = new() { Directive = SupervisionDirective.Resume };

    /// <summary>Finish the failed tonic.</summary>
    public static SupervisionPolicy Stop { get; } = new() { Directive = SupervisionDirective.Stop };

    /// <summary>Fail the supervisor.</summary>
    public static SupervisionPolicy Escalate { get; } = new() { Directive = SupervisionDirective.Escalate };

    /// <summary>What to do on a failure, unless <see cref="Decider"/> says otherwise. Default Resume.</summary>
    public SupervisionDirective Directive { get; init; }

    /// <summary>Chooses the directive per exception (for example Resume on a timeout, Restart on anything else).</summary>
    public Func<Exception, SupervisionDirective>? Decider { get; init; }

    /// <summary>One-for-one (default) or all-for-one.</summary>
    public SupervisionStrategy Strategy { get; init; }

    /// <summary>Pacing and limits of restarts. Default <see cref="RestartOptions.Default"/>.</summary>
    public RestartOptions Restarts { get; init; } = RestartOptions.Default;

    /// <summary>A restart policy with the given options and strategy.</summary>
    public static SupervisionPolicy Restart(RestartOptions? options = null, SupervisionStrategy strategy = SupervisionStrategy.OneForOne) =>
        new() { Directive = SupervisionDirective.Restart, Restarts = options ?? RestartOptions.Default, Strategy = strategy };

    /// <summary>The directive for <paramref name="exception"/>: the decider's answer, else <see cref="Directive"/>.</summary>
    public SupervisionDirective Decide(Exception exception) => Decider?.Invoke(exception) ?? Directive;

    /// <inheritdoc />
    public override string ToString() => Decider is null ? $"{Directive} ({Strategy})" : $"decider ({Strategy})";
}

using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Testing;

public sealed partial class ExplorationTests
{
    private const int Amount = 80;

    private sealed partial class Bank : Tonic
    {
        public Bank()
            : base("bank")
        {
        }

        public int Balance { get; private set; } = 100;

        private void ttsc__check(Client client) => client.NotifyBalance(Balance);

        private void ttsc__withdraw(int amount) => Balance -= amount;

        private void ttsc__try_withdraw(int amount)
        {
            if (Balance >= amount)
            {
                Balance -= amount;
            }
        }
    }

    private sealed partial class Client : Tonic
    {
        private readonly Bank _bank;
        private readonly bool _safe;
        private readonly int _warmUp;

        public Client(string name, Catalyst catalyst, Bank bank, bool safe, int warmUp)
            : base(new TonicOptions { Name = name, Catalyst = catalyst })
        {
            _bank = bank;
            _safe = safe;
            _warmUp = warmUp;
        }

        private void ttse__on_start() => Step(_warmUp);

        private void tts__step(int left)
        {
            if (left > 0)
            {
                Step(left - 1);
            }
            else if (_safe)
            {
                _bank.TryWithdraw(Amount);
            }
            else
            {
                // Check, then act in a later sparkle: another client can withdraw in between.
                _bank.Check(this);
            }
        }

        private void ttse__balance(int balance)
        {
            if (balance >= Amount)
            {
                _bank.Withdraw(Amount);
            }
        }
    }

    private static Action<Distiller> Scenario(bool safe) => distiller =>
    {
        Bank? bank = null;
        distiller.Formula.AddStartingTonic(() =>
        {
            bank = new Bank();
            _ = new Client("alice", new Catalyst(new CatalystOptions { Name = "a" }), bank, safe, warmUp: 0);
            _ = new Client("bob", new Catalyst(new CatalystOptions { Name = "b" }), bank, safe, warmUp: 3);
            return bank;
        });
        distiller.RunUntilIdle();
        Assert.True(bank!.Balance >= 0, $"overdrawn: balance {bank.Balance}");
    };

    [Fact]
    public void The_posting_order_alone_misses_the_race()
    {
        var distiller = new Distiller();
        Scenario(safe: false)(distiller);
    }

    [Theory]
    [InlineData(SchedulingStrategy.Random)]
    [InlineData(SchedulingStrategy.Priority)]
    public void A_racy_check_then_act_is_found_and_reproduces_by_seed(SchedulingStrategy strategy)
    {
        var options = new ExplorationOptions { Strategy = strategy, MaxSteps = 30 };

        var result = Distiller.Explore(1000, seed: 42, Scenario(safe: false), options);

        Assert.True(result.Failed, result.ToString());
        Assert.Contains("overdrawn", result.Exception!.Message, StringComparison.Ordinal);
        Assert.NotEmpty(result.Trace);
        var again = Distiller.Reproduce(result.FailingSeed!.Value, Scenario(safe: false), options);
        Assert.True(again.Failed);
        Assert.Equal(result.Exception.Message, again.Exception!.Message);
        Assert.Equal(result.Trace.ToCanonicalStrings(), again.Trace.ToCanonicalStrings());
        var report = Assert.Throws<DistillerAssertionException>(result.AssertPassed);
        Assert.Contains($"seed {result.FailingSeed}", report.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SchedulingStrategy.Random)]
    [InlineData(SchedulingStrategy.Priority)]
    public void A_correct_version_passes_every_iteration(SchedulingStrategy strategy)
    {
        var result = Distiller.Explore(1000, seed: 42, Scenario(safe: true), new ExplorationOptions { Strategy = strategy, MaxSteps = 30 });

        result.AssertPassed();
        Assert.Equal(1000, result.Iterations);
        Assert.Null(result.FailingSeed);
    }

    private sealed partial class Thrower : Tonic
    {
        private void ttse__on_start() => throw new InvalidOperationException("boom");
    }

    [Fact]
    public void A_sparkle_failure_fails_the_iteration()
    {
        var result = Distiller.Explore(10, seed: 1, d =>
        {
            d.Spawn(() => new Thrower());
            d.RunUntilIdle();
        });

        Assert.True(result.Failed);
        Assert.Equal(0, result.FailingIteration);
        Assert.Equal("boom", result.Exception!.Message);
        Assert.Single(result.SparkleFailures);
    }
}

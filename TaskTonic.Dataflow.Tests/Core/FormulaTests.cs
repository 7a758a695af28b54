using TaskTonic.Dataflow.Logging;
using TaskTonic.Dataflow.Testing;

namespace TaskTonic.Dataflow.Tests.Core;

/// <summary>Behaviour reference §2.7 (formula and configuration).</summary>
public sealed partial class FormulaTests
{
    private sealed partial class Reader : Tonic
    {
        public Reader(Formula formula, string? name = null)
            : base(name)
        {
            Formula = formula;
            StatusWhenCreated = formula.Status;
        }

        public Formula Formula { get; }

        public FormulaStatus StatusWhenCreated { get; }

        public FormulaStatus? StatusAtStart { get; private set; }

        public object? ValueSeen { get; private set; }

        public string? ProjectSeen { get; private set; }

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private void ttse__on_start()
        {
            StatusAtStart = Formula.Status;
            ProjectSeen = Ledger.Settings.ProjectName;
            ValueSeen = Ledger.Settings.Values.GetValueOrDefault("devices/wiz/0/name");
            Started.SetResult();
        }

        private void ttsc__quit() => Finish();
    }

    private sealed partial class Hub : Catalyst
    {
        public Hub()
            : base(new CatalystOptions { Name = "hub" })
        {
        }

        public int Starts { get; private set; }

        private void ttse__on_start() => Starts++;
    }

    private sealed class HubFormula : Formula
    {
        public HubFormula()
            : base(new FormulaOptions { TimeProvider = new VirtualClock() })
        {
        }

        public List<FormulaStatus> StatusInSteps { get; } = [];

        public Reader? Starting { get; private set; }

        protected override Catalyst CreateMainCatalyst()
        {
            StatusInSteps.Add(Status);
            return new Hub();
        }

        protected override void CreateStartingTonics()
        {
            StatusInSteps.Add(Status);
            Starting = new Reader(this, "starting");
        }
    }

    [Fact]
    public void FM01_default_settings()
    {
        var settings = new FormulaOptions();

        Assert.Equal("tasktonic app", settings.ProjectName);
        Assert.Equal("tt_main_catalyst", settings.MainCatalystName);
        Assert.Same(TimeProvider.System, settings.TimeProvider);
        Assert.Same(TonicConsoleLoggerFactory.Console, settings.LoggerFactory);   // a new program shows its log
        Assert.Empty(settings.Values);

        var formula = new Formula();
        Assert.Equal(FormulaStatus.Starting, formula.Status);
        Assert.Null(formula.MainCatalyst);
        Assert.Equal(0, formula.Ledger.Count);
        Assert.Same(TimeProvider.System, formula.Ledger.TimeProvider);
        Assert.Equal("tasktonic app", formula.Ledger.Settings.ProjectName);
    }

    [Fact]
    public async Task FM02_user_settings_override_the_defaults_and_app_values_reach_every_sparkle()
    {
        var clock = new VirtualClock();
        var settings = new FormulaOptions
        {
            ProjectName = "lights",
            MainCatalystName = "lights_main",
            TimeProvider = clock,
            Values = new Dictionary<string, object?> { ["devices/wiz/0/name"] = "porch" },
        };
        var formula = new Formula(settings);
        Reader? reader = null;
        formula.AddStartingTonic(() => reader = new Reader(formula));

        var run = formula.RunAsync();
        await reader!.Started.Task.Within();

        Assert.Same(settings, formula.Ledger.Settings);
        Assert.Same(clock, formula.Ledger.TimeProvider);
        Assert.Equal("lights_main", formula.MainCatalyst!.Name);
        Assert.Same(formula.MainCatalyst, formula.Ledger.Find("lights_main"));
        Assert.Equal("lights", reader.ProjectSeen);
        Assert.Equal("porch", reader.ValueSeen);

        reader.Quit();
        await run.Within();
    }

    [Fact]
    public void FM03_the_catalyst_from_CreateMainCatalyst_becomes_the_main_one_whatever_its_name()
    {
        var formula = new HubFormula();
        var distiller = new Distiller(formula);
        distiller.RunUntilIdle();
        var hub = Assert.IsType<Hub>(formula.MainCatalyst);

        Assert.Equal("hub", hub.Name);
        Assert.Equal(0, hub.Id);
        Assert.True(hub.IsMain);
        Assert.Same(hub, formula.Ledger.MainCatalyst);
        Assert.Equal(1, hub.Starts);
        Assert.Same(hub, formula.Starting!.Parent);
        Assert.Same(hub, formula.Starting.Catalyst);
        Assert.Null(formula.Ledger.Find("tt_main_catalyst"));
    }

    [Fact]
    public void FM05_the_status_goes_starting_start_catalysts_main_running_in_the_distiller()
    {
        var formula = new HubFormula();
        Assert.Equal(FormulaStatus.Starting, formula.Status);
        var distiller = new Distiller(formula);

        distiller.RunUntilIdle();

        Assert.Equal([FormulaStatus.StartCatalysts, FormulaStatus.StartCatalysts], formula.StatusInSteps);
        Assert.Equal(FormulaStatus.StartCatalysts, formula.Starting!.StatusWhenCreated);
        Assert.Equal(FormulaStatus.MainRunning, formula.Starting.StatusAtStart);
    }

    [Fact]
    public async Task FM05_the_status_goes_starting_start_catalysts_main_running_main_finished()
    {
        for (var round = 0; round < 20; round++)
        {
            var formula = new Formula();
            Reader? reader = null;
            formula.AddStartingTonic(() => reader = new Reader(formula));
            Assert.Equal(FormulaStatus.Starting, formula.Status);

            var run = formula.RunAsync();
            await reader!.Started.Task.Within();

            Assert.Equal(FormulaStatus.StartCatalysts, reader.StatusWhenCreated);
            Assert.Equal(FormulaStatus.MainRunning, reader.StatusAtStart);
            Assert.Equal(FormulaStatus.MainRunning, formula.Status);
            reader.Quit();
            await run.Within();
            Assert.Equal(FormulaStatus.MainFinished, formula.Status);
        }
    }

    [Fact]
    public async Task FM05_a_formula_runs_once_and_takes_starting_tonics_only_before_it_runs()
    {
        var formula = new Formula();
        Reader? reader = null;
        formula.AddStartingTonic(() => reader = new Reader(formula));
        var run = formula.RunAsync();

        Assert.Throws<InvalidOperationException>(() => formula.AddStartingTonic(() => new Reader(formula)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => formula.RunAsync());

        reader!.Quit();
        await run.Within();
        Assert.Throws<InvalidOperationException>(() => new Distiller(formula));
    }

    [Fact]
    public async Task FM05_cancelling_RunAsync_shuts_the_application_down()
    {
        using var cancel = new CancellationTokenSource();
        var formula = new Formula();
        Reader? reader = null;
        formula.AddStartingTonic(() => reader = new Reader(formula));
        var run = formula.RunAsync(cancel.Token);
        await reader!.Started.Task.Within();

        await cancel.CancelAsync();
        await run.Within();

        Assert.True(reader.IsCompleted);
        Assert.Equal(FormulaStatus.MainFinished, formula.Status);
        Assert.Equal(0, formula.Ledger.Count);
    }

    [Fact]
    public async Task L06_Formula_Spawn_creates_root_tonics_on_the_main_catalyst_while_it_runs()
    {
        var formula = new Formula();
        Reader? reader = null;
        formula.AddStartingTonic(() => reader = new Reader(formula));
        var run = formula.RunAsync();

        var late = formula.Spawn(() => new Reader(formula, "late"));
        await late.Started.Task.Within();

        Assert.Null(late.Parent);
        Assert.Same(formula.MainCatalyst, late.Catalyst);
        Assert.Same(late, formula.Ledger.Find("late"));

        reader!.Quit();
        late.Quit();
        await run.Within();
        Assert.True(late.IsCompleted);
    }
}

// Build script: `dotnet tool restore && dotnet cake --target=<Target>`.
// Targets: Clean, Build, Test, Samples, Bench, BenchQuick, Pack, Default (= Build + Test + Samples).
var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var solution = "./TaskTonic.Dataflow.slnx";

Task("Clean")
    .Does(() =>
{
    DotNetClean(solution, new DotNetCleanSettings { Configuration = configuration });
    CleanDirectories("./artifacts");
});

Task("Build")
    .IsDependentOn("Clean")
    .Does(() =>
{
    DotNetBuild(solution, new DotNetBuildSettings { Configuration = configuration });
});

Task("Test")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetTest(solution, new DotNetTestSettings { Configuration = configuration, NoBuild = true, NoRestore = true });
});

Task("Samples")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetRun("./TaskTonic.Dataflow.Samples/TaskTonic.Dataflow.Samples.csproj",
        new DotNetRunSettings { Configuration = configuration, NoBuild = true, NoRestore = true });
});

// The full benchmark suite: writes BenchmarkDotNet.Artifacts/results-summary.md (copy it into the README).
Task("Bench")
    .Does(() =>
{
    DotNetRun("./TaskTonic.Dataflow.Benchmarks/TaskTonic.Dataflow.Benchmarks.csproj",
        new ProcessArgumentBuilder().Append("--filter").Append("*"),
        new DotNetRunSettings { Configuration = "Release" });
});

// A few seconds: proves every benchmark still runs.
Task("BenchQuick")
    .Does(() =>
{
    DotNetRun("./TaskTonic.Dataflow.Benchmarks/TaskTonic.Dataflow.Benchmarks.csproj",
        new ProcessArgumentBuilder().Append("--quick").Append("--filter").Append("*"),
        new DotNetRunSettings { Configuration = "Release" });
});

Task("Pack")
    .IsDependentOn("Build")
    .Does(() =>
{
    DotNetPack("./TaskTonic.Dataflow/TaskTonic.Dataflow.csproj",
        new DotNetPackSettings { Configuration = configuration, NoBuild = true, OutputDirectory = "./artifacts" });
});

Task("Default")
    .IsDependentOn("Test")
    .IsDependentOn("Samples");

RunTarget(target);

using TaskTonic.Dataflow.Samples.HelloWorld;

var samples = new Dictionary<string, Func<TextWriter, Task>>(StringComparer.OrdinalIgnoreCase)
{
    ["hello"] = HelloWorldSample.RunAsync,
};

var chosen = args.Length == 0 ? samples.Keys.ToList() : args.ToList();
foreach (var name in chosen)
{
    if (!samples.TryGetValue(name, out var run))
    {
        Console.Error.WriteLine($"Unknown sample '{name}'. Samples: {string.Join(", ", samples.Keys)}.");
        return 2;
    }

    Console.WriteLine($"=== {name} ===");
    await run(Console.Out);
    Console.WriteLine();
}

return 0;

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TaskTonic.Dataflow.Hosting;
using TaskTonicService;

var builder = Host.CreateApplicationBuilder(args);

// AddTaskTonic runs the formula as a hosted service: options bind from the "TaskTonic" section, host shutdown
// (Ctrl+C, SIGTERM) drains the queues and finishes the tonics, and when the formula ends by itself the host stops.
builder.Services.AddTaskTonic(tonics => tonics.AddStartingTonic(_ => new Heartbeat(
    TimeSpan.FromSeconds(builder.Configuration.GetValue("Heartbeat:PeriodSeconds", 1.0)),
    builder.Configuration.GetValue("Heartbeat:MaxBeats", 0))));

await builder.Build().RunAsync();

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TaskTonicService;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddHostedService<FormulaService>();
await builder.Build().RunAsync();

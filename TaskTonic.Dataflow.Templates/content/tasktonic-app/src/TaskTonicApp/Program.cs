using TaskTonic.Dataflow;
using TaskTonicApp;

// The formula runs until its last tonic finishes; tonics log to the console by default.
var formula = new Formula().AddStartingTonic(() => new Counter(target: 3));
await formula.RunAsync();

using System.Runtime.InteropServices;
using Permit.CardAgent.Cli;
using Permit.CardAgent.Configuration;
using Permit.CardAgent.Logging;
using Permit.CardAgent.Terminals;

using var stop = new CancellationTokenSource();
// Ctrl+C and SIGTERM end watch and serve cleanly (monitors cancelled, the port released).
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var terminals = new PcscTerminals();
var settings = AgentSettings.Load(AppContext.BaseDirectory, Environment.GetEnvironmentVariable, AgentSettings.MachineConfigFile(AppContext.BaseDirectory, Environment.GetEnvironmentVariable));
using var log = AgentLogging.Open(Environment.GetEnvironmentVariable(AgentLogging.DirectoryVariable) ?? settings.LogDirectory);
var host = new AgentHost(terminals, settings, TimeProvider.System) { Input = Console.In, Environment = Environment.GetEnvironmentVariable, Log = log };
return await AgentCommandLine.RunAsync(args, Console.Out, Console.Error, host, stop.Token);

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

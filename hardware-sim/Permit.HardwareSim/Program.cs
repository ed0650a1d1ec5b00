using System.Runtime.InteropServices;
using Permit.HardwareSim.Cli;

using var stop = new CancellationTokenSource();
// SIGTERM and Ctrl+C stop the simulator cleanly: the vpcd socket closes, so pcscd sees the card removed.
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
return await SimCommandLine.RunAsync(args, Console.Out, Console.Error, stop.Token);

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

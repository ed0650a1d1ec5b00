using System.CommandLine;
using System.Net;
using Permit.CommandLine;
using Permit.HardwareSim.Control;
using Permit.HardwareSim.IdCards;
using Permit.HardwareSim.PermitCards;
using Permit.HardwareSim.Transport;

namespace Permit.HardwareSim.Cli;

/// <summary>
/// permit-sim's main program, callable in process: exit code 0 after a clean stop, 2 for bad arguments or files
/// (the arguments parsed by System.CommandLine, which writes <c>--help</c>; its errors are ours to print, with code 2).
/// </summary>
public static class SimCommandLine
{
    public const int ExitOk = 0;
    public const int ExitUsage = 2;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = new RootCommand("""
            permit-sim: connects an emulated card to vpcd on 127.0.0.1:P and keeps it inserted until stopped
            (SIGTERM / Ctrl+C). Exit codes: 0 stopped cleanly, 2 bad arguments or files.
            """);
        foreach (var command in SimArguments.Commands((arguments, token) => ServeAsync(arguments, output, error, token)))
            root.Subcommands.Add(command);
        root.SetAction(nothing => UsageError(nothing, ["missing the card kind: permit or id"], error));
        var parsed = ProgramCommandLine.Parse(root, args);
        if (ProgramCommandLine.IsUsageError(parsed))
            return UsageError(parsed, ProgramCommandLine.Errors(parsed), error);
        return await ProgramCommandLine.InvokeAsync(parsed, output, error, stop).ConfigureAwait(false);
    }

    /// <summary>Each problem on its own line, then the command's generated help, on standard error.</summary>
    private static int UsageError(ParseResult parsed, IEnumerable<string> problems, TextWriter error)
    {
        foreach (var problem in problems)
            error.WriteLine($"permit-sim: {problem}");
        error.WriteLine();
        ProgramCommandLine.WriteHelp(parsed, error);
        return ExitUsage;
    }

    private static async Task<int> ServeAsync(SimArguments arguments, TextWriter output, TextWriter error, CancellationToken stop)
    {
        IEmulatedCard card;
        try
        {
            card = OpenCard(arguments, error);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            await error.WriteLineAsync($"permit-sim: {e.Message}").ConfigureAwait(false);
            return ExitUsage;
        }

        var connector = new VpcdConnector(card, arguments.VpcdPort, log: output);
        using var control = arguments.ControlPort is { } controlPort ? new ControlServer(controlPort, connector, card) : null;
        try
        {
            control?.Start();
        }
        catch (HttpListenerException e)
        {
            await error.WriteLineAsync($"permit-sim: cannot listen on control port {arguments.ControlPort}: {e.Message}").ConfigureAwait(false);
            return ExitUsage;
        }

        if (control is not null)
        {
            await output.WriteLineAsync($"permit-sim: control on http://127.0.0.1:{control.Port}/").ConfigureAwait(false);
        }

        var controlTask = control?.RunAsync(stop) ?? Task.CompletedTask;
        await connector.RunAsync(stop).ConfigureAwait(false);
        await controlTask.ConfigureAwait(false);
        await output.WriteLineAsync("permit-sim: stopped, card removed").ConfigureAwait(false);
        return ExitOk;
    }

    private static IEmulatedCard OpenCard(SimArguments arguments, TextWriter error)
    {
        if (arguments.Kind == SimulatedCardKind.Id)
        {
            return IdCard.FromFiles(arguments.DataFile!, arguments.PhotoFile, arguments.FingerprintFile);
        }

        if (File.Exists(arguments.CardFile) && (arguments.Serial is not null || arguments.TransportCode is not null))
        {
            error.WriteLine("permit-sim: the card file exists; --serial and --transport-code apply only to a new card and are ignored");
        }

        return PermitCard.OpenOrCreate(
            arguments.CardFile!,
            arguments.TransportCode ?? PermitCard.DefaultTransportCode.Span,
            arguments.Serial ?? PermitCard.NewSerial());
    }
}

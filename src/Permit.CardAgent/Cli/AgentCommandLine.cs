using System.CommandLine;
using System.Text.Json;
using Permit.CommandLine;

namespace Permit.CardAgent.Cli;

/// <summary>
/// permit-agent's main program, callable in process (tests run it against the private pcscd rig). The command line is
/// read by System.CommandLine (<see cref="AgentCommands"/>); a parse error is a usage failure like any other (exit 2,
/// JSON with <c>--json</c>).
/// </summary>
public static class AgentCommandLine
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, AgentHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(host);
        var json = args.Contains("--json");
        var console = new CommandConsole(output, error, json);
        var root = AgentCommands.Root(name => Command(name, console, host));
        // "permit-agent help" is how the hand-written parser spelled --help; scripts may still say it.
        var help = new Command("help") { Hidden = true };
        help.SetAction(_ => ProgramCommandLine.InvokeAsync(ProgramCommandLine.Parse(root, ["--help"]), output, error, cancellationToken));
        root.Subcommands.Add(help);

        var parsed = ProgramCommandLine.Parse(root, args);
        var command = parsed.CommandResult.Command is RootCommand ? "permit-agent" : parsed.CommandResult.Command.Name;
        if (ProgramCommandLine.IsUsageError(parsed))
        {
            var where = command == "permit-agent" ? "permit-agent --help" : $"permit-agent {command} --help";
            var refused = AgentFailure.From(AgentException.Usage($"{string.Join(" ", ProgramCommandLine.Errors(parsed))} ({where} lists the options.)"));
            // The parser's messages quote the tokens it could not place, and a mistyped option's value may be a token or a
            // transport code: the person at the keyboard sees them, the file log does not.
            return await FailAsync(refused, "the command line was refused", command, console, host).ConfigureAwait(false);
        }

        try
        {
            return await ProgramCommandLine.InvokeAsync(parsed, output, error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (AgentFailure.IsReported(e))
        {
            var failure = AgentFailure.From(e);
            return await FailAsync(failure, failure.Message, command, console, host).ConfigureAwait(false);
        }
    }

    // The file log keeps the code and a plain message (masked like the API's), never the command's arguments.
    private static async Task<int> FailAsync(AgentFailure failure, string logged, string command, CommandConsole console, AgentHost host)
    {
        Logging.CommandLog.Failed(host.Log.Factory.CreateLogger("Permit.CardAgent.Command"), command, failure.Code, failure.ExitCode, logged);
        await console.FailAsync(failure).ConfigureAwait(false);
        return failure.ExitCode;
    }

    private static AgentCommands.Run Command(string name, CommandConsole console, AgentHost host) => name switch
    {
        "readers" => (options, _) => Task.FromResult(ReadersCommand.Run(options, console, host)),
        "watch" => (options, stop) => WatchCommand.RunAsync(options, console, host, stop),
        "read-id" => (options, _) => Task.FromResult(ReadIdCommand.Run(options, console, host)),
        "personalize" => (options, stop) => PersonalizeCommand.RunAsync(options, console, host, stop),
        "read-permit" => (options, stop) => ReadPermitCommand.RunAsync(options, console, host, stop),
        "sync" => (options, stop) => SyncCommand.RunAsync(options, console, host, stop),
        "verify-qr" => (options, _) => Task.FromResult(VerifyQrCommand.Run(options, console, host)),
        "pair" => (options, stop) => PairCommand.RunAsync(options, console, host, stop),
        "serve" => (options, stop) => ServeCommand.RunAsync(options, console, host, stop),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such permit-agent command."),
    };
}

/// <summary>Where a command writes: plain messages for people, or JSON on standard output for scripts.</summary>
public sealed class CommandConsole(TextWriter output, TextWriter error, bool json)
{
    public bool Json => json;

    public TextWriter Out => output;

    public TextWriter Error => error;

    public void WriteJson<T>(T value) => output.WriteLine(JsonSerializer.Serialize(value, AgentJson.Output));

    public void WriteLine(string text) => output.WriteLine(text);

    public async Task FailAsync(AgentFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(
                new { error = new { code = failure.Code, message = failure.Message, exitCode = failure.ExitCode } }, AgentJson.Output)).ConfigureAwait(false);
        }

        await error.WriteLineAsync($"permit-agent: {failure.Message}").ConfigureAwait(false);
    }
}

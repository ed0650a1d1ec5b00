using System.Text.Json;
using Permit.CardAgent.Failures;

namespace Permit.CardAgent.Cli;

/// <summary>permit-agent's main program, callable in process (tests run it against the private pcscd rig).</summary>
public static class AgentCommandLine
{
    public const string Usage = """
        usage: permit-agent COMMAND [options]

          readers                          the readers, whether a card is in each, its ATR
          watch [--count N] [--timeout S]  card and reader events as they happen (until Ctrl+C)
          read-id [--photo-out FILE]       an ID card's fields
          personalize --api URL --permit NUMBER [--token T | --user NAME] [--transport-code HEX16]
                                           personalize the permit's ordered card with files the permit API signs,
                                           activate it and confirm it (token also from PERMIT_API_TOKEN; with --user
                                           the password is read from standard input); re-run to finish an interrupted run
          personalize --data permit.json --issuer-key KEY.pem [--photo FILE.jpg] [--transport-code HEX16]
                                           write, check and activate a blank permit card from local files
                                           (development tooling: issuer keys never live on desk PCs)
          read-permit (--api URL | --trust-list URL|FILE | --trust ISSUER.pub.pem ...) [--revocation FILE]
                      [--with-photo] [--photo-out FILE]
                                           read a permit card and say whether it is genuine and in force
          sync --api URL [--state DIR]     store the API's trust list and signed revocation list for offline checks
          verify-qr [TEXT|-] [--image FILE] [--state DIR]
                                           check a QR credential offline against the synchronised lists
          pair --api URL (--user NAME | --terminal) [--name LABEL]
                                           pair this PC's agent with the permit API (password, or the counter
                                           terminal's API key, on standard input); https:// unless the API is on loopback
          serve [--port P] [--api URL] [--dev-local-issuer-key]
                                           the loopback HTTP service for the web pages (127.0.0.1 only; every route but
                                           /health needs an allowed Origin and a ticket from the paired API); with an API
                                           it re-synchronises the offline lists every Agent:SyncMinutes (15); refuses a
                                           local issuer key (Agent:IssuerKeyFile) unless --dev-local-issuer-key
          serve --simulated [--simulated-cards DIR] [--allow-simulated]
                                           the same service on SIMULATED in-process readers (no pcscd), switched from
                                           its panel at /simulated; Development only unless --allow-simulated

        every command: --reader NAME (else configured, else the 1st reader for ID cards, the 2nd for permit cards),
                       --json (machine-readable output)
        readers are configured in appsettings.json next to the program (Agent:IdReader, Agent:PermitReader) or with
        PERMIT_AGENT_ID_READER / PERMIT_AGENT_PERMIT_READER.

        exit codes: 0 ok, 1 not genuine, 2 usage, 3 no reader or smart-card service, 4 no card or card removed,
                    5 wrong card, 6 card refused (transport code, not blank, not active...), 7 invalid data,
                    8 permit API unreachable or failing, 9 refused by the permit API (sign-in, unknown permit, not pending)
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, AgentHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(host);
        if (args.Count == 0 || args[0] is "-h" or "--help" or "help")
        {
            await (args.Count == 0 ? error : output).WriteLineAsync(Usage).ConfigureAwait(false);
            return args.Count == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        var json = args.Contains("--json");
        var console = new CommandConsole(output, error, json);
        try
        {
            var rest = args.Skip(1).ToArray();
            return args[0] switch
            {
                "readers" => ReadersCommand.Run(rest, console, host),
                "watch" => await WatchCommand.RunAsync(rest, console, host, cancellationToken).ConfigureAwait(false),
                "read-id" => ReadIdCommand.Run(rest, console, host),
                "personalize" => await PersonalizeCommand.RunAsync(rest, console, host, cancellationToken).ConfigureAwait(false),
                "read-permit" => await ReadPermitCommand.RunAsync(rest, console, host, cancellationToken).ConfigureAwait(false),
                "sync" => await SyncCommand.RunAsync(rest, console, host, cancellationToken).ConfigureAwait(false),
                "verify-qr" => VerifyQrCommand.Run(rest, console, host),
                "pair" => await PairCommand.RunAsync(rest, console, host, cancellationToken).ConfigureAwait(false),
                "serve" => await ServeCommand.RunAsync(rest, console, host, cancellationToken).ConfigureAwait(false),
                var other => throw AgentException.Usage($"unknown command '{other}'. Try permit-agent --help."),
            };
        }
        catch (Exception e) when (AgentFailure.IsReported(e))
        {
            var failure = AgentFailure.From(e);
            // The file log keeps the code and the plain message (masked like the API's), never the command's arguments.
            Logging.CommandLog.Failed(host.Log.Factory.CreateLogger("Permit.CardAgent.Command"), args[0], failure.Code, failure.ExitCode, failure.Message);
            await console.FailAsync(failure).ConfigureAwait(false);
            return failure.ExitCode;
        }
    }
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

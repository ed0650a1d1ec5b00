using Permit.CardAgent.Failures;
using Permit.CardAgent.Server;

namespace Permit.CardAgent.Cli;

/// <summary>
/// <c>serve</c>: runs the loopback HTTP service until Ctrl+C. <c>--id-reader</c> / <c>--permit-reader</c> override
/// the configured readers (a request may still name its own).
/// </summary>
public static class ServeCommand
{
    /// <summary>Lets serve personalize from local data with <c>Agent:IssuerKeyFile</c>: development only.</summary>
    public const string DevLocalIssuerKeyFlag = "--dev-local-issuer-key";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CommandConsole console, AgentHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(host);
        var options = CommandArguments.Parse("serve", args, ["--port", "--id-reader", "--permit-reader", "--api", "--state"], ["--json", DevLocalIssuerKeyFlag]);
        var settings = host.Settings with
        {
            IdReader = options.Value("--id-reader") ?? host.Settings.IdReader,
            PermitReader = options.Value("--permit-reader") ?? host.Settings.PermitReader,
            Api = options.Value("--api") ?? host.Settings.Api,
            StateDirectory = options.Value("--state") ?? host.Settings.StateDirectory,
        };
        // Issuer keys never live on desk PCs: a configured one is a development set-up, and must say so on the command line.
        if (settings.IssuerKeyFile is not null && !options.Flag(DevLocalIssuerKeyFlag))
        {
            throw AgentException.Usage(
                $"serve: Agent:IssuerKeyFile is set, but issuer keys do not belong on a desk PC. Remove it (the permit API signs the card files), or start serve with {DevLocalIssuerKeyFlag} on a development machine.");
        }

        var port = options.PositiveInt("--port") ?? settings.Port;
        if (port > 65535)
            throw AgentException.Usage("serve: --port must be 1..65535.");

        await using var app = AgentServer.Build(host with { Settings = settings }, port);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new AgentException("port-in-use", ExitCodes.Usage, $"serve: cannot listen on 127.0.0.1:{port} ({e.Message}).", e);
        }

        await console.Error.WriteLineAsync($"permit-agent: serving on http://127.0.0.1:{port}/ (Ctrl+C to stop)").ConfigureAwait(false);
        if (settings.IssuerKeyFile is not null)
            await console.Error.WriteLineAsync("permit-agent: DEVELOPMENT: a local issuer key signs cards written from local data.").ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: stop cleanly.
        }

        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}

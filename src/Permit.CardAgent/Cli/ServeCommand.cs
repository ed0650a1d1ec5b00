using Microsoft.Extensions.Logging;
using Permit.CardAgent.Server;

namespace Permit.CardAgent.Cli;

/// <summary>
/// <c>serve</c>: runs the loopback HTTP service until Ctrl+C. <c>--id-reader</c> / <c>--permit-reader</c> override
/// the configured readers (a request may still name its own). <c>--simulated</c> serves in-process permit-sim readers
/// instead of PC/SC (<see cref="Simulated.SimulatedReaders"/>): only in Development (<c>DOTNET_ENVIRONMENT</c> or
/// <c>ASPNETCORE_ENVIRONMENT</c>) unless <c>--allow-simulated</c> says so explicitly; never the default.
/// </summary>
public static partial class ServeCommand
{
    /// <summary>Lets serve personalize from local data with <c>Agent:IssuerKeyFile</c>: development only.</summary>
    public const string DevLocalIssuerKeyFlag = "--dev-local-issuer-key";

    public static async Task<int> RunAsync(CommandArguments options, CommandConsole console, AgentHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(host);
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

        host = host with { Settings = settings };
        if (options.Flag("--simulated"))
            host = WithSimulatedReaders(host, options);
        else if (options.Flag("--allow-simulated") || options.Value("--simulated-cards") is not null)
            throw AgentException.Usage("serve: --allow-simulated and --simulated-cards go with --simulated.");

        await using var app = AgentServer.Build(host, port);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new AgentException("port-in-use", ExitCodes.Usage, $"serve: cannot listen on 127.0.0.1:{port} ({e.Message}).", e);
        }

        await console.Error.WriteLineAsync(host.Simulated is null
            ? $"permit-agent: serving on http://127.0.0.1:{port}/ (Ctrl+C to stop)"
            : $"permit-agent: serving SIMULATED readers (permit-sim in process, no pcscd) on http://127.0.0.1:{port}/, panel at /simulated (Ctrl+C to stop)")
            .ConfigureAwait(false);
        if (settings.IssuerKeyFile is not null)
            await console.Error.WriteLineAsync("permit-agent: DEVELOPMENT: a local issuer key signs cards written from local data.").ConfigureAwait(false);
        var log = host.Log.Factory.CreateLogger("Permit.CardAgent.Serve");
        LogServing(log, port, host.Simulated is not null, settings.Api is not null);
        // Ctrl+C, SIGTERM (systemd) or the Windows service manager's stop request: stop cleanly.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
        try
        {
            await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        LogStopping(log, port);
        await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving on http://127.0.0.1:{Port}/ (simulated readers: {Simulated}, synchronising with an API: {Syncing})")]
    private static partial void LogServing(ILogger logger, int port, bool simulated, bool syncing);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping the service on port {Port}")]
    private static partial void LogStopping(ILogger logger, int port);

    private static AgentHost WithSimulatedReaders(AgentHost host, CommandArguments options)
    {
        var environment = host.Environment("DOTNET_ENVIRONMENT") ?? host.Environment("ASPNETCORE_ENVIRONMENT");
        if (!string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase) && !options.Flag("--allow-simulated"))
        {
            throw AgentException.Usage(
                "serve: --simulated readers are for Development only (DOTNET_ENVIRONMENT=Development); "
                + "add --allow-simulated to run them elsewhere on purpose.");
        }

        if (options.Value("--id-reader") is not null || options.Value("--permit-reader") is not null)
            throw AgentException.Usage("serve: --simulated brings its own readers; leave out --id-reader and --permit-reader.");
        var readers = new Simulated.SimulatedReaders(host.Time, options.Value("--simulated-cards"));
        return host with
        {
            Terminals = readers,
            Simulated = readers,
            Settings = host.Settings with
            {
                IdReader = Simulated.SimulatedReaders.IdReaderName,
                PermitReader = Simulated.SimulatedReaders.PermitReaderName,
            },
        };
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Permit.Api.Infrastructure.DemoData;

/// <summary>
/// Development only: once the API listens, pairs and starts two <c>permit-agent serve --simulated</c> beside it as child
/// processes (the agent's own build output, built with the API through a build-only project reference), a desk's and a
/// clinic counter's, allowing the API's origin, and prints the start-up block. A child process rather than hosting the agent in this process: the agent stays the program
/// an officer's PC runs, with its own configuration and port, and nothing of the agent or the card simulator is loaded
/// into the API. The children are stopped with the API.
/// </summary>
internal sealed partial class SimulatedAgentLauncher(
    IOptions<DemoOptions> options, IHostEnvironment environment, IServer server, IHostApplicationLifetime lifetime,
    DemoStartBlock block, Permit.Api.Keys.KeyDirectory keys, Permit.Api.Keys.Trust.TrustListSource trustList,
    Microsoft.Extensions.Options.IOptions<Permit.Api.Keys.Trust.TrustOptions> trustOptions, ILogger<SimulatedAgentLauncher> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly List<Process> _agents = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => LaunchAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var agent in _agents.Where(a => !a.HasExited))
        {
            agent.Kill(entireProcessTree: true);
            await agent.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        foreach (var agent in _agents)
            agent.Dispose();
    }

    private async Task LaunchAsync(CancellationToken stopping)
    {
        var apiUrl = ApiUrl();
        var demo = options.Value;
        string agentLines;
        if (!demo.Agent)
        {
            agentLines = "Card readers: none started (Demo:Agent=false); run permit-agent pair and serve yourself.";
        }
        else
        {
            try
            {
                // A desk PC and a clinic's counter PC, each with its own agent paired as a district pairs them: the desk's by
                // an officer (it reads ID cards and writes cards), the counter's by its terminal (it reads cards for verdicts).
                var desk = await StartAgentAsync(apiUrl, demo, Desk, demo.AgentPort, stopping).ConfigureAwait(false);
                var counter = await StartAgentAsync(apiUrl, demo, Counter, demo.CounterPort, stopping).ConfigureAwait(false);
                agentLines = $"SIMULATED readers (no pcscd, no real cards), two agents paired with this API:\n"
                             + $"  desk agent (paired by {DemoAccounts.Registrar}): panel at {desk}/simulated\n"
                             + $"  clinic counter agent (paired by the clinic terminal): panel at {counter}/simulated";
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or HttpRequestException or TimeoutException
                                          or System.ComponentModel.Win32Exception)
            {
                LogAgentFailed(logger, e.Message);
                agentLines = $"Simulated readers: NOT started ({e.Message})";
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }

        await Console.Out.WriteAsync(block.Render(apiUrl, agentLines)).ConfigureAwait(false);
        await Console.Out.FlushAsync(stopping).ConfigureAwait(false);
    }

    /// <summary>Who pairs one of the demo's agents: an officer's user name (a desk), or null for the terminal (a counter).</summary>
    private sealed record AgentRole(string Name, string Label, string AccountRole, string? User);

    private static readonly AgentRole Desk = new("desk", "demo desk (simulated)", "registrar", DemoAccounts.Registrar);
    private static readonly AgentRole Counter = new("counter", "demo clinic counter (simulated)", "clinic", null);

    private async Task<string> StartAgentAsync(string apiUrl, DemoOptions demo, AgentRole role, int port, CancellationToken stopping)
    {
        var dll = AgentDll(demo);
        var directory = demo.FullDirectory(environment.ContentRootPath);
        var state = Path.Combine(directory, "agent-state", role.Name);
        var agentUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}");

        await PairAsync(dll, apiUrl, role, state, stopping).ConfigureAwait(false);

        var start = AgentStart(dll,
            "serve", "--simulated", "--port", port.ToString(CultureInfo.InvariantCulture), "--api", apiUrl,
            "--state", state, "--simulated-cards", Path.Combine(directory, DemoAccounts.CardFolder));
        start.Environment["PERMIT_AGENT_ALLOWED_ORIGINS"] = string.Join(',', Origins(apiUrl));
        // As installed with a district's PC: the trust root's public key, against which the agent's sync checks the
        // root-signed trust list of issuer keys that a counter judges cards by.
        start.Environment["PERMIT_AGENT_TRUST_ROOT"] = TrustRootFile();

        var agent = Process.Start(start) ?? throw new InvalidOperationException("permit-agent did not start.");
        _agents.Add(agent);
        agent.OutputDataReceived += (_, e) => Forward(role.Name, e.Data);
        agent.ErrorDataReceived += (_, e) => Forward(role.Name, e.Data);
        agent.BeginOutputReadLine();
        agent.BeginErrorReadLine();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            stopping.ThrowIfCancellationRequested();
            if (agent.HasExited)
                throw new InvalidOperationException($"the {role.Name} permit-agent exited with code {agent.ExitCode} (port {port} taken? set Demo:AgentPort or Demo:CounterAgentPort)");
            try
            {
                var health = await client.GetFromJsonAsync<AgentHealth>(new Uri(agentUrl + "/health"), stopping).ConfigureAwait(false);
                if (health is { Simulated: true, Kind: var kind } && kind == role.Name)
                    return agentUrl;
                throw new InvalidOperationException($"{agentUrl} answers, but it is not the simulated {role.Name} agent (port {port} taken? set Demo:AgentPort or Demo:CounterAgentPort)");
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!stopping.IsCancellationRequested && DateTime.UtcNow < deadline)
            {
                // A slow first answer on a busy machine.
            }

            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the {role.Name} permit-agent did not answer {agentUrl}/health within {StartTimeout.TotalSeconds:0} s");
            await Task.Delay(250, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>permit-agent pair</c>, exactly as on a district's PC: the desk's agent with the demo registrar's password on
    /// standard input, the counter's with the clinic terminal's API key (<c>--terminal</c>). The agent then holds this API's
    /// address, its agent id and the API's ticket key in <paramref name="state"/>, which <c>serve</c> reads. Paired afresh
    /// at each start: the database, and with it the API's keys and agents, may be new since the last run.
    /// </summary>
    private async Task PairAsync(string dll, string apiUrl, AgentRole role, string state, CancellationToken stopping)
    {
        var secret = DemoAccounts.Secret(block.Accounts, role.AccountRole)
                     ?? throw new InvalidOperationException($"the {role.AccountRole}'s demo secret is unknown ({block.AccountsFile} is gone: delete the database to make the demo afresh), so the {role.Name} agent cannot be paired");
        string[] who = role.User is { } user ? ["--user", user] : ["--terminal"];
        var start = AgentStart(dll, ["pair", "--api", apiUrl, .. who, "--name", role.Label, "--state", state]);
        using var pair = Process.Start(start) ?? throw new InvalidOperationException("permit-agent pair did not start.");
        // The secret goes on standard input only, never on the command line (where ps would show it).
        await pair.StandardInput.WriteLineAsync(secret.AsMemory(), stopping).ConfigureAwait(false);
        pair.StandardInput.Close();
        var output = pair.StandardOutput.ReadToEndAsync(stopping);
        var error = pair.StandardError.ReadToEndAsync(stopping);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await pair.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            pair.Kill(entireProcessTree: true);
            throw new TimeoutException($"permit-agent pair ({role.Name}) did not finish within {StartTimeout.TotalSeconds:0} s");
        }

        var said = ((await error.ConfigureAwait(false)).Trim() is { Length: > 0 } e ? e : (await output.ConfigureAwait(false)).Trim()).ReplaceLineEndings(" ");
        if (pair.ExitCode != 0)
            throw new InvalidOperationException($"permit-agent pair ({role.Name}) failed with code {pair.ExitCode}: {said}");
    }

    /// <summary>The trust root's public key: the configured one, or the Development root this API made for itself.</summary>
    private string TrustRootFile() =>
        trustList.IsDevelopmentRoot || trustOptions.Value.RootPublicKeyFile is not { } configured
            ? Path.Combine(keys.Path, Permit.Api.Keys.Trust.TrustListSource.DevelopmentRootPublicFile)
            : Path.GetFullPath(configured, environment.ContentRootPath);

    private static ProcessStartInfo AgentStart(string dll, params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        // The API's own addresses (launch profile, Kestrel__*) are not the agent's: it listens where --port says.
        foreach (var name in start.Environment.Keys.Where(IsServerAddress).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        return start;
    }

    private static bool IsServerAddress(string variable) =>
        variable.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase)
        || variable is "ASPNETCORE_URLS" or "ASPNETCORE_HTTP_PORTS" or "ASPNETCORE_HTTPS_PORTS" or "DOTNET_URLS" or "DOTNET_HTTP_PORTS"
            or "DOTNET_HTTPS_PORTS" or "URLS" or "HTTP_PORTS" or "HTTPS_PORTS";

    private void Forward(string agent, string? line)
    {
        // The start-up block names the panels: the agent's own "serving" line would say it twice.
        if (!string.IsNullOrWhiteSpace(line) && !line.StartsWith("permit-agent: serving", StringComparison.Ordinal))
            LogAgentLine(logger, agent, line);
    }

    private string AgentDll(DemoOptions demo)
    {
        if (!string.IsNullOrWhiteSpace(demo.AgentPath))
            return Path.GetFullPath(Path.Combine(environment.ContentRootPath, demo.AgentPath));
        // artifacts/bin/Permit.Api/<pivot>/ → artifacts/bin/Permit.CardAgent/<pivot>/permit-agent.dll
        var pivot = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var dll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Permit.CardAgent", pivot, "permit-agent.dll"));
        return File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"permit-agent is not built at {dll}; build src/Permit.CardAgent or set Demo:AgentPath");
    }

    /// <summary>The address the pages are served on, as a browser on this PC opens it.</summary>
    private string ApiUrl()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
        return address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
    }

    /// <summary>The API's origin as the browser may spell it: localhost and 127.0.0.1 are different origins to CORS.</summary>
    private static IEnumerable<string> Origins(string apiUrl)
    {
        yield return apiUrl;
        if (apiUrl.Contains("://localhost", StringComparison.Ordinal))
            yield return apiUrl.Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal);
        else if (apiUrl.Contains("://127.0.0.1", StringComparison.Ordinal))
            yield return apiUrl.Replace("://127.0.0.1", "://localhost", StringComparison.Ordinal);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "permit-agent (simulated {Agent}): {Line}")]
    private static partial void LogAgentLine(ILogger logger, string agent, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The simulated permit-agent did not start: {Reason}")]
    private static partial void LogAgentFailed(ILogger logger, string reason);

    private sealed record AgentHealth(string? Status, bool Simulated, string? Kind);
}

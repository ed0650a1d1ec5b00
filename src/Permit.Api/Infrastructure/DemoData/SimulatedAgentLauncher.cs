using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Permit.Api.Infrastructure.DemoData;

/// <summary>
/// Development only: once the API listens, starts <c>permit-agent serve --simulated</c> beside it as a child process (the
/// agent's own build output, built with the API through a build-only project reference), allowing the API's origin, and
/// prints the start-up block. A child process rather than hosting the agent in this process: the agent stays the program
/// an officer's PC runs, with its own configuration and port, and nothing of the agent or the card simulator is loaded
/// into the API. The child is stopped with the API.
/// </summary>
internal sealed partial class SimulatedAgentLauncher(
    IOptions<DemoOptions> options, IHostEnvironment environment, IServer server, IHostApplicationLifetime lifetime,
    DemoStartBlock block, ILogger<SimulatedAgentLauncher> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private Process? _agent;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() => LaunchAsync(lifetime.ApplicationStopping)));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_agent is { HasExited: false } agent)
        {
            agent.Kill(entireProcessTree: true);
            await agent.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose() => _agent?.Dispose();

    private async Task LaunchAsync(CancellationToken stopping)
    {
        var apiUrl = ApiUrl();
        var demo = options.Value;
        string agentLine;
        if (!demo.Agent)
        {
            agentLine = "Card readers: none started (Demo:Agent=false); run permit-agent serve yourself.";
        }
        else
        {
            try
            {
                var agentUrl = await StartAgentAsync(apiUrl, demo, stopping).ConfigureAwait(false);
                agentLine = $"Simulated readers (no pcscd, no real cards): panel at {agentUrl}/simulated";
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or HttpRequestException or TimeoutException
                                          or System.ComponentModel.Win32Exception)
            {
                LogAgentFailed(logger, e.Message);
                agentLine = $"Simulated readers: NOT started ({e.Message})";
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }

        await Console.Out.WriteAsync(block.Render(apiUrl, agentLine)).ConfigureAwait(false);
        await Console.Out.FlushAsync(stopping).ConfigureAwait(false);
    }

    private async Task<string> StartAgentAsync(string apiUrl, DemoOptions demo, CancellationToken stopping)
    {
        var dll = AgentDll(demo);
        var directory = demo.FullDirectory(environment.ContentRootPath);
        var agentUrl = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{demo.AgentPort}");

        // Issue 12 (agent tickets): pair the agent with this API here, before it serves.
        await PairAsync(dll, apiUrl, stopping).ConfigureAwait(false);

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in new[]
                 {
                     dll, "serve", "--simulated", "--port", demo.AgentPort.ToString(CultureInfo.InvariantCulture), "--api", apiUrl,
                     "--state", Path.Combine(directory, "agent-state"), "--simulated-cards", Path.Combine(directory, DemoAccounts.CardFolder),
                 })
        {
            start.ArgumentList.Add(argument);
        }

        // The API's own addresses (launch profile, Kestrel__*) are not the agent's: it listens where --port says.
        foreach (var name in start.Environment.Keys.Where(IsServerAddress).ToList())
            start.Environment.Remove(name);
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["PERMIT_AGENT_ALLOWED_ORIGINS"] = string.Join(',', Origins(apiUrl));
        _agent = Process.Start(start) ?? throw new InvalidOperationException("permit-agent did not start.");
        _agent.OutputDataReceived += (_, e) => Forward(e.Data);
        _agent.ErrorDataReceived += (_, e) => Forward(e.Data);
        _agent.BeginOutputReadLine();
        _agent.BeginErrorReadLine();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            stopping.ThrowIfCancellationRequested();
            if (_agent.HasExited)
                throw new InvalidOperationException($"permit-agent exited with code {_agent.ExitCode} (port {demo.AgentPort} taken? set Demo:AgentPort)");
            try
            {
                var health = await client.GetFromJsonAsync<AgentHealth>(new Uri(agentUrl + "/health"), stopping).ConfigureAwait(false);
                if (health is { Simulated: true })
                    return agentUrl;
                throw new InvalidOperationException($"{agentUrl} answers, but it is not a simulated agent (port {demo.AgentPort} taken? set Demo:AgentPort)");
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
                throw new TimeoutException($"permit-agent did not answer {agentUrl}/health within {StartTimeout.TotalSeconds:0} s");
            await Task.Delay(250, stopping).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Where pairing goes once the agent checks tickets (issue 12): run <c>permit-agent pair --api URL</c> with the same
    /// <paramref name="dll"/> and wait for it to succeed, so the agent holds this API's URL, its agent id and the API's
    /// ticket public key before <c>serve</c> starts. Nothing to do until then.
    /// </summary>
    private static Task PairAsync(string dll, string apiUrl, CancellationToken stopping)
    {
        _ = (dll, apiUrl, stopping);
        return Task.CompletedTask;
    }

    private static bool IsServerAddress(string variable) =>
        variable.StartsWith("Kestrel__", StringComparison.OrdinalIgnoreCase)
        || variable is "ASPNETCORE_URLS" or "ASPNETCORE_HTTP_PORTS" or "ASPNETCORE_HTTPS_PORTS" or "DOTNET_URLS" or "DOTNET_HTTP_PORTS"
            or "DOTNET_HTTPS_PORTS" or "URLS" or "HTTP_PORTS" or "HTTPS_PORTS";

    private void Forward(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
            LogAgentLine(logger, line);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "permit-agent (simulated): {Line}")]
    private static partial void LogAgentLine(ILogger logger, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The simulated permit-agent did not start: {Reason}")]
    private static partial void LogAgentFailed(ILogger logger, string reason);

    private sealed record AgentHealth(string? Status, bool Simulated);
}

using System.Diagnostics;

namespace Permit.Web.Tests.Support;

/// <summary>
/// The real <c>permit-agent serve</c> as a child process on the private pcscd: its own copy of the build output with
/// an <c>appsettings.json</c> naming the rig's readers, the page's origin (CORS) and the API's published issuer key,
/// paired with the API first by the real <c>permit-agent pair</c> (an officer's password, or a counter terminal's API
/// key, on standard input), as on a desk or counter PC.
/// </summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _directory;

    private readonly PermitTestHost _host;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output;

    private AgentProcess(Process process, DirectoryInfo directory, string url, PermitTestHost host, System.Collections.Concurrent.ConcurrentQueue<string> output)
    {
        _process = process;
        _directory = directory;
        _host = host;
        _output = output;
        Url = url;
    }

    public string Url { get; }

    /// <summary>This agent's id from pairing (what the pages read from <c>GET /health</c>).</summary>
    public Guid AgentId { get; private set; }

    /// <summary>The officer whose password paired a desk agent (and whose tickets <see cref="PersonalizeAsync"/> uses).</summary>
    public const string Officer = "li.registrar";

    /// <summary>A loopback port nobody listens on right now (the page must know the agent's address before it starts).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="syncFromApi">Configured as a verifier's PC is: no key files, the trust and revocation lists synced
    /// from the API into the copy's own state folder as it starts (returns once both are held).</param>
    /// <param name="terminalKey">Pair as this counter terminal (its API key) instead of as the officer <see cref="Officer"/>.</param>
    public static async Task<AgentProcess> StartAsync(PcscRig rig, PermitTestHost host, int port, bool syncFromApi = false, string? terminalKey = null)
    {
        ArgumentNullException.ThrowIfNull(rig);
        ArgumentNullException.ThrowIfNull(host);
        var ct = TestContext.Current.CancellationToken;
        var built = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Permit.CardAgent", new DirectoryInfo(AppContext.BaseDirectory).Name));
        var directory = Directory.CreateTempSubdirectory("permit-web-agent-");
        foreach (var file in Directory.EnumerateFiles(built, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(directory.FullName, Path.GetRelativePath(built, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        using var client = new HttpClient();
        // The officer's PC is given the API's issuer public keys by hand (the human-readable list); the counter's PC pins the
        // trust root instead (here the development root the test API made: TEST material) and syncs the signed lists.
        using var trust = JsonDocument.Parse(await client.GetStringAsync(new Uri(host.BaseUrl + "/api/issuer-keys"), ct));
        var keyFiles = new List<string>();
        foreach (var key in trust.RootElement.GetProperty("keys").EnumerateArray())
        {
            var path = Path.Combine(directory.FullName, $"issuer-{keyFiles.Count}.pub.pem");
            await File.WriteAllTextAsync(path, key.GetProperty("spkiPem").GetString(), ct);
            keyFiles.Add(path);
        }

        await File.WriteAllTextAsync(Path.Combine(directory.FullName, "appsettings.json"), JsonSerializer.Serialize(new
        {
            Agent = new
            {
                IdReader = rig.ReaderName(0),
                PermitReader = rig.ReaderName(1),
                Port = port,
                AllowedOrigins = new[] { host.BaseUrl },
                TrustedIssuerKeyFiles = syncFromApi ? [] : keyFiles,
                Api = syncFromApi ? host.BaseUrl : null,
                TrustRootPublicKeyFile = Path.Combine(host.KeyDirectory, "trust-root.dev.pub.pem"),
                // In the copy, not the machine's /var/log/permit-agent: each test reads its own agent's file (LogText).
                LogDirectory = Path.Combine(directory.FullName, "logs"),
            },
        }), ct);
        var state = Path.Combine(directory.FullName, "state");
        await PairAsync(directory.FullName, state, host, terminalKey, ct);

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { Path.Combine(directory.FullName, "permit-agent.dll"), "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in rig.Environment)
            start.Environment[name] = value;
        start.Environment["PERMIT_AGENT_STATE"] = state;
        var process = Process.Start(start) ?? throw new InvalidOperationException("permit-agent did not start.");
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var agent = new AgentProcess(process, directory, $"http://127.0.0.1:{port}", host, log);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var health = await client.GetAsync(new Uri(agent.Url + "/health"), ct);
                if (health.IsSuccessStatusCode && (!syncFromApi || Synced(state)))
                {
                    var answer = await health.Content.ReadFromJsonAsync<JsonElement>(ct);
                    agent.AgentId = answer.GetProperty("agentId").GetGuid();
                    return agent;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await agent.DisposeAsync();
                throw new InvalidOperationException("permit-agent serve did not answer /health:\n" + string.Join('\n', log));
            }

            await Task.Delay(200, ct);
        }
    }

    /// <summary><c>permit-agent pair --api URL --user li.registrar</c> (or <c>--terminal</c>), the secret on standard input.</summary>
    private static async Task PairAsync(string directory, string state, PermitTestHost host, string? terminalKey, CancellationToken ct)
    {
        var pair = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { Path.Combine(directory, "permit-agent.dll"), "pair", "--api", host.BaseUrl, "--name", "test PC", "--state", state })
            pair.ArgumentList.Add(argument);
        if (terminalKey is null)
        {
            pair.ArgumentList.Add("--user");
            pair.ArgumentList.Add(Officer);
        }
        else
        {
            pair.ArgumentList.Add("--terminal");
        }

        using var process = Process.Start(pair) ?? throw new InvalidOperationException("permit-agent pair did not start.");
        await process.StandardInput.WriteLineAsync(terminalKey ?? PermitTestHost.Password);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        Assert.True(process.ExitCode == 0, $"permit-agent pair: exit {process.ExitCode}\n{await output}\n{await error}");
    }

    /// <summary>A ticket from the API for this agent, asked with the officer's bearer token (or the terminal's API key).</summary>
    public async Task<string> TicketAsync(string operation, string? permitNumber = null, string? terminalKey = null)
    {
        using var client = terminalKey is null ? await _host.BearerClientAsync(Officer) : new HttpClient { BaseAddress = new Uri(_host.BaseUrl) };
        if (terminalKey is not null)
            client.DefaultRequestHeaders.Add("X-Api-Key", terminalKey);
        using var response = await client.PostAsJsonAsync("/api/agent-tickets", new { agentId = AgentId, operation, permitNumber }, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"agent ticket: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("ticket").GetString()!;
    }

    /// <summary>Writes the permit's ordered card in the permit reader as the desk page does: a personalize ticket, then the agent.</summary>
    public async Task<JsonElement> PersonalizeAsync(string permitNumber) =>
        await PostAsync("/permit-card/personalize", new { permit = permitNumber }, await TicketAsync("personalize", permitNumber));

    /// <summary>What the agent answers (status and body) to a request, for attack tests.</summary>
    public static async Task<(System.Net.HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Everything the agent logged so far: its console output and its log file (read before disposing).</summary>
    public string LogText()
    {
        var logs = Path.Combine(_directory.FullName, "logs");
        var files = Directory.Exists(logs)
            ? Directory.EnumerateFiles(logs).Select(f =>
            {
                // The agent keeps the file open (shared): read it the same way.
                using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream);
                return reader.ReadToEnd();
            })
            : [];
        return string.Join('\n', _output.Concat(files));
    }

    private static bool Synced(string state) =>
        File.Exists(Path.Combine(state, "trust-list.cose")) && File.Exists(Path.Combine(state, "status-list.cose"));

    /// <summary>What the agent answers to POST <paramref name="path"/> with a ticket (for arranging cards without a page).</summary>
    public async Task<JsonElement> PostAsync(string path, object body, string ticket)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Add("Permit-Agent-Ticket", ticket);
        using var response = await client.PostAsJsonAsync(new Uri(Url + path), body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"agent {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The agent's problem answer to POST <paramref name="path"/> (with <paramref name="ticket"/>, if any), which must be a failure (for attacks).</summary>
    public async Task<JsonElement> PostExpectingFailureAsync(string path, object body, string? ticket = null)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        if (ticket is not null)
            client.DefaultRequestHeaders.Add("Permit-Agent-Ticket", ticket);
        using var response = await client.PostAsJsonAsync(new Uri(Url + path), body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.False(response.IsSuccessStatusCode, $"agent {path} succeeded: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        try
        {
            _directory.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary copy is harmless.
        }
    }
}

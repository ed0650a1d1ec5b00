using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Permit.TestRig;

namespace Permit.Web.Tests.Support;

/// <summary>
/// The real <c>permit-agent serve</c> as a child process on the private pcscd: its own copy of the build output with
/// an <c>appsettings.json</c> naming the rig's readers, the page's origin (CORS) and the API's published issuer key.
/// </summary>
public sealed class AgentProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly DirectoryInfo _directory;

    private AgentProcess(Process process, DirectoryInfo directory, string url)
    {
        _process = process;
        _directory = directory;
        Url = url;
    }

    public string Url { get; }

    /// <summary>A loopback port nobody listens on right now (the page must know the agent's address before it starts).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <param name="syncFromApi">Configured as a verifier's PC is: no key files, the trust and revocation lists synced
    /// from the API into the copy's own state folder as it starts (returns once both are held).</param>
    public static async Task<AgentProcess> StartAsync(PcscRig rig, WebHost host, int port, bool syncFromApi = false)
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
        using var trust = JsonDocument.Parse(await client.GetStringAsync(new Uri(host.BaseUrl + "/api/trust-list"), ct));
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
            },
        }), ct);
        var state = Path.Combine(directory.FullName, "state");

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
        var agent = new AgentProcess(process, directory, $"http://127.0.0.1:{port}");

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                using var readers = await client.GetAsync(new Uri(agent.Url + "/readers"), ct);
                if (readers.IsSuccessStatusCode && (!syncFromApi || Synced(state)))
                    return agent;
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await agent.DisposeAsync();
                throw new InvalidOperationException("permit-agent serve did not answer /readers:\n" + string.Join('\n', log));
            }

            await Task.Delay(200, ct);
        }
    }

    private static bool Synced(string state) =>
        File.Exists(Path.Combine(state, "trust-list.json")) && File.Exists(Path.Combine(state, "revocation-list.cose"));

    /// <summary>What the agent answers to POST <paramref name="path"/> (for arranging cards without a page).</summary>
    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        using var response = await client.PostAsJsonAsync(new Uri(Url + path), body, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"agent {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The agent's problem answer to POST <paramref name="path"/>, which must be a failure (for attacks).</summary>
    public async Task<JsonElement> PostExpectingFailureAsync(string path, object body)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
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

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Permit.Api.Infrastructure.DemoData;

namespace Permit.Web.Tests.Support;

/// <summary>
/// The README's first command, <c>dotnet run --project src/Permit.Api</c>, run from the repository root as a child process,
/// as a newcomer runs it: the Development launch profile, the demo seed, the simulated agent beside the API. Only where
/// things go is moved, through configuration the host reads from the environment (a temporary folder for the database,
/// keys, logs and demo files; free ports for the API and the agent), so the command's meaning is unchanged and a developer's
/// own <c>data/</c> or running demo is never touched. No pcscd and no root: the agent's readers are simulated.
/// </summary>
public sealed partial class ReadmeCommand : IAsyncLifetime
{
    /// <summary>Alone, after the other classes: its build and its console count are not shared with other tests' load.</summary>
    public const string Collection = "README's first command";
}

[CollectionDefinition(ReadmeCommand.Collection, DisableParallelization = true)]
public sealed class ReadmeCommandGroup : ICollectionFixture<ReadmeCommand>;

public sealed partial class ReadmeCommand
{
    // dotnet run builds first: on a loaded two-core machine even an up-to-date check of the API, the agent and their
    // references has been seen to take minutes. Waiting longer changes nothing when the command is right.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(15);
    private readonly ConcurrentQueue<(TimeSpan At, string Line)> _lines = new();
    private readonly Stopwatch _clock = new();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("permit-readme-");
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Process? _process;
    private bool _inBlock;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The simulated desk agent's panel (paired by the demo registrar).</summary>
    public string DeskPanelUrl { get; private set; } = "";

    /// <summary>The simulated clinic counter agent's panel (paired by the clinic terminal).</summary>
    public string CounterPanelUrl { get; private set; } = "";

    /// <summary>role → (login, secret) as the start-up block printed them.</summary>
    public IReadOnlyDictionary<string, (string Login, string Secret)> Accounts { get; private set; } = new Dictionary<string, (string, string)>();

    public string Block { get; private set; } = "";

    public string DataDirectory => _data.FullName;

    /// <summary>Standard output so far, with when each line came (from the command's start).</summary>
    public IReadOnlyList<(TimeSpan At, string Line)> Lines => [.. _lines];

    public TimeSpan BlockPrintedAt { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Browser.ChromiumPath))
            return; // the browser fixture reports it; no point starting the API
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "run", "--project", "src/Permit.Api" })
            start.ArgumentList.Add(argument);
        var apiPort = AgentProcess.FreePort();
        start.Environment["Kestrel__Endpoints__Http__Url"] = $"http://127.0.0.1:{apiPort}";
        start.Environment["Demo__AgentPort"] = AgentProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["Demo__CounterAgentPort"] = AgentProcess.FreePort().ToString(CultureInfo.InvariantCulture);
        start.Environment["Demo__Directory"] = _data.FullName;
        start.Environment["ConnectionStrings__Permit"] = $"Data Source={Path.Combine(_data.FullName, "permit.db")}";
        start.Environment["Keys__Directory"] = Path.Combine(_data.FullName, "keys");
        start.Environment["Audit__CheckpointLog"] = Path.Combine(_data.FullName, "audit-checkpoints.log");
        start.Environment["Logging__File__Directory"] = Path.Combine(_data.FullName, "logs");
        // The test host's own environment must not leak into the demo's (it runs as a newcomer's shell would).
        foreach (var name in new[] { "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT", "ASPNETCORE_URLS", "PERMIT_AGENT_ALLOWED_ORIGINS" })
            start.Environment.Remove(name);

        _clock.Start();
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet run did not start.");
        _process.OutputDataReceived += (_, e) => OnLine(e.Data);
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _lines.Enqueue((_clock.Elapsed, "stderr: " + e.Data)); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(StartTimeout));
        if (first != _ready.Task)
            throw new InvalidOperationException($"The README's first command printed no start-up block within {StartTimeout}:\n" + string.Join('\n', _lines.Select(l => l.Line)));
    }

    private void OnLine(string? line)
    {
        if (line is null)
            return;
        _lines.Enqueue((_clock.Elapsed, line));
        if (line == DemoStartBlock.FirstLine)
            _inBlock = true;
        else if (_inBlock && line == DemoStartBlock.LastLine)
            Parse();
    }

    private void Parse()
    {
        _inBlock = false;
        var block = _lines.Select(l => l.Line).SkipWhile(l => l != DemoStartBlock.FirstLine).ToList();
        Block = string.Join('\n', block);
        BaseUrl = OpenLine().Match(Block).Groups[1].Value.TrimEnd('/');
        DeskPanelUrl = PanelLine("desk").Match(Block).Groups[1].Value;
        CounterPanelUrl = PanelLine("counter").Match(Block).Groups[1].Value;
        Accounts = AccountLine().Matches(Block).ToDictionary(m => m.Groups[1].Value, m => (m.Groups[2].Value, m.Groups[3].Value));
        BlockPrintedAt = _clock.Elapsed;
        _ready.TrySetResult();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Permit.sln")))
                return directory.FullName;
        }

        throw new InvalidOperationException("The repository root (Permit.sln) is not above the test's folder.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }

            _process.Dispose();
        }

        try
        {
            _data.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    [GeneratedRegex(@"^Open (\S+)", RegexOptions.Multiline)]
    private static partial Regex OpenLine();

    private static Regex PanelLine(string agent) => new($@"{agent} agent .*panel at (\S+/simulated)", RegexOptions.Multiline);

    [GeneratedRegex(@"^  (\w+)\s+(\S+)\s+(?:password|key) (\S+)", RegexOptions.Multiline)]
    private static partial Regex AccountLine();
}

using System.Text.RegularExpressions;

namespace Permit.Bench.Points;

/// <summary>What <c>wrk --latency</c> measured for one load, and how busy the machine was as it ended.</summary>
/// <param name="ApiCpuPerRequest">The API process's own CPU time (user + system) over the load, per request, in
/// microseconds: unlike req/s it hardly depends on what else the shared cores run.</param>
/// <param name="NotGenuine">Card taps only: lookups answered 200 that did not judge the card genuine (-1 elsewhere).</param>
public sealed record WrkResult(
    double PerSecond, long Requests, long NotOk, int SocketErrors, double P50, double P99, string LoadAverage, double ApiCpuPerRequest = double.NaN,
    long NotGenuine = -1)
{
    public string Describe(string name) => string.Create(CultureInfo.InvariantCulture,
        $"{name,-22} {PerSecond,9:N0} req/s  p50 {P50,7:F2} ms  p99 {P99,7:F2} ms  API CPU {ApiCpuPerRequest,5:F0} µs/req  ({Requests:N0} requests, {NotOk:N0} not 2xx, {SocketErrors} socket errors{(NotGenuine >= 0 ? $", {NotGenuine:N0} not genuine" : "")})  {LoadAverage}");
}

/// <summary>
/// One load by <c>wrk</c> (native, epoll: it takes far less of the shared cores than a .NET client would), each request
/// drawn at random from a file of lines by <c>wrk/random-lines.lua</c>. A warm-up of the same shape runs first and is
/// not measured (JIT, tiered compilation, connection pools, caches).
/// </summary>
public sealed partial class Wrk(Uri api, int threads, int connections, TimeSpan duration, TimeSpan warmUp, int apiProcessId)
{
    private static readonly string Script = Path.Combine(AppContext.BaseDirectory, "wrk", "random-lines.lua");
    private static readonly string TapScript = Path.Combine(AppContext.BaseDirectory, "wrk", "card-taps.lua");

    /// <summary>GET one of <paramref name="paths"/> per request (a file of paths, one a line).</summary>
    public Task<WrkResult> GetAsync(string paths, string? apiKey = null) => RunAsync("GET", "/", paths, apiKey);

    /// <summary>POST one of <paramref name="bodies"/> (JSON, one a line) to <paramref name="path"/> per request.</summary>
    public Task<WrkResult> PostAsync(string path, string bodies, string? apiKey = null) => RunAsync("POST", path, bodies, apiKey);

    /// <summary>
    /// Card taps (<c>wrk/card-taps.lua</c>: a challenge, then the lookup with the next prepared tap; two requests a tap),
    /// each prepared line used once. <paramref name="prepare"/> writes the lines for one load of the given length, given
    /// the taps per second the warm-up reached (0 before the warm-up), just before it runs: a challenge lives two minutes.
    /// </summary>
    public async Task<WrkResult> TapsAsync(string path, Func<TimeSpan, double, Task<string>> prepare, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(prepare);
        var warm = Parse(await RunWrkAsync("POST", path, await prepare(warmUp, 0), apiKey, warmUp, TapScript), "");
        var lines = await prepare(duration, warm.PerSecond / 2);
        var cpu = CpuSeconds(apiProcessId);
        var output = await RunWrkAsync("POST", path, lines, apiKey, duration, TapScript);
        cpu = CpuSeconds(apiProcessId) - cpu;
        var result = Parse(output, PointsBench.LoadAverage());
        var taps = TapsLine().Match(output);
        return result with
        {
            ApiCpuPerRequest = cpu * 1e6 / Math.Max(1, result.Requests),
            // A prepared tap used twice is refused (its challenge is spent), so running out shows as not 2xx too.
            NotGenuine = taps.Success ? long.Parse(taps.Groups[1].Value, CultureInfo.InvariantCulture) : -1,
        };
    }

    private async Task<WrkResult> RunAsync(string method, string path, string lines, string? apiKey)
    {
        await RunWrkAsync(method, path, lines, apiKey, warmUp);
        var cpu = CpuSeconds(apiProcessId);
        var output = await RunWrkAsync(method, path, lines, apiKey, duration);
        cpu = CpuSeconds(apiProcessId) - cpu;
        var result = Parse(output, PointsBench.LoadAverage());
        return result with { ApiCpuPerRequest = cpu * 1e6 / Math.Max(1, result.Requests) };
    }

    /// <summary>User plus system CPU seconds a process has used (Linux /proc/PID/stat, in clock ticks of 1/100 s).</summary>
    public static double CpuSeconds(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // Fields after the command name (which may hold spaces, in parentheses): utime and stime are the 12th and 13th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    private async Task<string> RunWrkAsync(string method, string path, string lines, string? apiKey, TimeSpan length, string? script = null)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--threads", threads.ToString(CultureInfo.InvariantCulture), "--connections", connections.ToString(CultureInfo.InvariantCulture),
            "--duration", string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (int)length.TotalSeconds)}s"),
            "--timeout", "30s", "--latency", "--script", script ?? Script, api.ToString().TrimEnd('/') + "/",
        })
            start.ArgumentList.Add(argument);
        start.Environment["PERMIT_WRK_METHOD"] = method;
        start.Environment["PERMIT_WRK_PATH"] = path;
        start.Environment["PERMIT_WRK_LINES"] = lines;
        start.Environment["PERMIT_WRK_API_KEY"] = apiKey ?? "";
        start.Environment["PERMIT_WRK_THREADS"] = threads.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start (apt-get install wrk).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"wrk exited with {process.ExitCode}: {await error}");
        return await output;
    }

    /// <summary>Reads wrk's summary: requests, Requests/sec, the 50% and 99% lines of its latency distribution, errors.</summary>
    public static WrkResult Parse(string output, string loadAverage)
    {
        ArgumentNullException.ThrowIfNull(output);
        var perSecond = double.Parse(PerSecondLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var requests = long.Parse(RequestsLine().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var notOk = NotOkLine().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socketErrors = 0;
        if (SocketErrorsLine().Match(output) is { Success: true } s)
        {
            for (var i = 1; i <= 4; i++)
                socketErrors += int.Parse(s.Groups[i].Value, CultureInfo.InvariantCulture);
        }

        return new WrkResult(perSecond, requests, notOk, socketErrors, Percentile(output, "50"), Percentile(output, "99"), loadAverage);
    }

    private static double Percentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s*{percent}(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline, TimeSpan.FromSeconds(1));
        if (!match.Success)
            return double.NaN;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch
        {
            "us" => value / 1000,
            "s" => value * 1000,
            _ => value,
        };
    }

    [GeneratedRegex(@"^Requests/sec:\s+([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex PerSecondLine();

    [GeneratedRegex(@"^\s*(\d+) requests in", RegexOptions.Multiline)]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NotOkLine();

    [GeneratedRegex(@"^card-taps: (\d+) answered not genuine, prepared taps ran out (\d+) times", RegexOptions.Multiline)]
    private static partial Regex TapsLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}

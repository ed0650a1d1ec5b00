namespace Permit.Bench.Points;

/// <summary>
/// <c>--profile DIR</c>: CPU samples of the API under one more load, taken by Linux <c>perf</c> (the API was started with
/// <c>DOTNET_PerfMapEnabled=1</c>, so JIT-compiled .NET methods have names). The samples cost the API some speed, so
/// this load is never one of the measured ones. Writes <c>DIR/perf.data</c> and two reports: by function alone
/// (<c>self.txt</c>: where the CPU is) and with callees (<c>children.txt</c>: which of our calls it is spent under).
/// </summary>
public static class Profiler
{
    /// <summary>The environment the API needs for perf to name .NET methods.</summary>
    public static IEnumerable<(string Name, string Value)> ApiEnvironment(BenchOptions options) =>
        // Without W^X the JIT's code is not double-mapped through a memfd, so perf matches it against the perf map.
        options?.Profile is null ? [] : [("DOTNET_PerfMapEnabled", "1"), ("DOTNET_EnableWriteXorExecute", "0")];

    public static async Task<WrkResult> ProfileAsync(string directory, Process api, TimeSpan duration, Func<Task<WrkResult>> load)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(load);
        Directory.CreateDirectory(directory);
        var data = Path.Combine(directory, "perf.data");
        var seconds = ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        using var perf = Start("perf", "record", "-F", "499", "-g", "-p", api.Id.ToString(CultureInfo.InvariantCulture), "-o", data, "--", "sleep", seconds);
        var result = await load();
        await perf.WaitForExitAsync();
        foreach (var (file, children) in new[] { ("self.txt", "--no-children"), ("children.txt", "--children") })
        {
            using var report = Start("perf", "report", "-i", data, children, "--sort", "dso,symbol", "--stdio", "-g", "none", "--percent-limit", "0.5");
            var text = await report.StandardOutput.ReadToEndAsync();
            await report.WaitForExitAsync();
            await File.WriteAllTextAsync(Path.Combine(directory, file), text);
        }

        foreach (var map in new[] { $"/tmp/perf-{api.Id}.map", $"/tmp/perfinfo-{api.Id}.map" })
            File.Delete(map);
        Console.WriteLine($"profile:  {Path.Combine(directory, "self.txt")} and children.txt (perf, 499 Hz, the API's threads)");
        return result;
    }

    private static Process Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        // perf writes its progress to stderr; drain it so it never blocks.
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}

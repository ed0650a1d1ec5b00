using System.Diagnostics;

namespace Permit.CardAgent.Tests.Packaging;

/// <summary>One finished program run: its exit code and what it printed.</summary>
internal sealed record Run(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";

    /// <summary>Runs <paramref name="program"/> to its end (killed after <paramref name="timeout"/>), with extra environment and standard input.</summary>
    public static async Task<Run> Of(string program, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null, string? input = null, string? workingDirectory = null)
    {
        using var process = Start(program, arguments, environment, workingDirectory);
        if (input is not null)
            await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var patience = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            return new Run(-1, await output, await error + $"\n(killed after {timeout})");
        }

        return new Run(process.ExitCode, await output, await error);
    }

    /// <summary>Starts <paramref name="program"/> with its standard streams redirected; the caller ends it.</summary>
    public static Process Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? "",
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
    }
}

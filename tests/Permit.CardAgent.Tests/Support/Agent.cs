using Permit.CardAgent.Terminals;

namespace Permit.CardAgent.Tests.Support;

/// <summary>What one permit-agent run printed and returned.</summary>
internal sealed record AgentRun(int ExitCode, string Output, string Error)
{
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Output).RootElement;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs permit-agent's command line in process, as a script would run the executable.</summary>
internal static class Agent
{
    public static Task<AgentRun> RunAsync(ICardTerminals terminals, params string[] args) => RunAsync(Host(terminals), args);

    public static AgentHost Host(ICardTerminals terminals) => new(terminals, new AgentSettings(), TimeProvider.System);

    /// <summary>Runs with a host of the test's making (standard input, environment, a doctored HTTP client).</summary>
    public static async Task<AgentRun> RunAsync(AgentHost host, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await AgentCommandLine.RunAsync(args, output, error, host, TestContext.Current.CancellationToken);
        return new AgentRun(exit, output.ToString(), error.ToString());
    }
}

namespace Permit.Api.Infrastructure.DemoData;

/// <summary>
/// The one-command demo (section <c>Demo</c>), read in Development only and only with <c>Seed:Demo</c>: the simulated
/// agent started beside the API, and where the demo keeps its accounts file, the holder's card and the agent's state.
/// </summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Start <c>permit-agent serve --simulated</c> beside the API (false: the block is printed, no agent started).</summary>
    public bool Agent { get; set; } = true;

    /// <summary>The simulated desk agent's loopback port; the desk pages are pointed at it (<c>Web:AgentUrl</c>).</summary>
    public int AgentPort { get; set; } = 5179;

    /// <summary>
    /// The simulated counter agent's loopback port (0: the port after <see cref="AgentPort"/>); the counter page is pointed at
    /// it (<c>Web:CounterAgentUrl</c>). A second agent because a counter PC's agent is paired by its terminal, a desk's by an officer.
    /// </summary>
    public int CounterAgentPort { get; set; }

    public int CounterPort => CounterAgentPort > 0 ? CounterAgentPort : AgentPort + 1;

    /// <summary>The built <c>permit-agent.dll</c>; empty = the agent project's build output next to the API's.</summary>
    public string? AgentPath { get; set; }

    /// <summary>Where <c>demo-accounts.txt</c>, <c>demo-cards/</c> and <c>agent-state/</c> live, relative to the content root.</summary>
    public string Directory { get; set; } = "data";

    public string FullDirectory(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, Directory));
}

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

    /// <summary>The simulated agent's loopback port; the pages are pointed at it (<c>Web:AgentUrl</c>).</summary>
    public int AgentPort { get; set; } = 5179;

    /// <summary>The built <c>permit-agent.dll</c>; empty = the agent project's build output next to the API's.</summary>
    public string? AgentPath { get; set; }

    /// <summary>Where <c>demo-accounts.txt</c>, <c>demo-cards/</c> and <c>agent-state/</c> live, relative to the content root.</summary>
    public string Directory { get; set; } = "data";

    public string FullDirectory(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, Directory));
}

namespace Permit.Web.Tests.Support;

/// <summary>
/// How the page tests run the API: on real Kestrel (a browser cannot reach an in-memory test server), the fake clock at
/// 10:00 in Beijing on 2 March 2026, and the pages pointed at the agent the test started (or a closed port).
/// </summary>
public static class PageHost
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public static TestHostOptions Options(string agentUrl = "http://127.0.0.1:9") => new()
    {
        Kestrel = true,
        Clock = Start,
        Settings = new Dictionary<string, string?> { ["Web:AgentUrl"] = agentUrl },
    };
}

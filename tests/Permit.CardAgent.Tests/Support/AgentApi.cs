namespace Permit.CardAgent.Tests.Support;

/// <summary>
/// The permit API as permit-agent meets it: on real Kestrel at a loopback port, with the production rate limits on,
/// the fake clock at 10:00 in Ningbo on 10 March 2026. A type of its own only so xunit can make it a class fixture.
/// </summary>
public sealed class AgentApi : PermitTestHost
{
    public AgentApi()
        : base(new TestHostOptions { Kestrel = true, Settings = new Dictionary<string, string?> { ["RateLimits:Enabled"] = "true" } })
    {
    }
}

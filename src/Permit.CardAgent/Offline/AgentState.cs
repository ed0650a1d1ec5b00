using Permit.CardAgent.Cli;

namespace Permit.CardAgent.Offline;

/// <summary>Where the offline lists live: <c>--state DIR</c>, else <c>PERMIT_AGENT_STATE</c>, else <c>Agent:StateDirectory</c>, else the per-user default.</summary>
public static class AgentState
{
    public static OfflineStore Store(string? option, AgentHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var directory = option ?? Blank(host.Environment(OfflineStore.DirectoryVariable)) ?? host.Settings.StateDirectory ?? OfflineStore.DefaultDirectory;
        return new OfflineStore(directory);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

using Permit.CardAgent.Cli;
using Permit.CardAgent.Configuration;

namespace Permit.CardAgent.Offline;

/// <summary>
/// Where the offline lists live: <c>--state DIR</c>, else <c>PERMIT_AGENT_STATE</c>, else <c>Agent:StateDirectory</c>, else
/// the per-user default; and the trust root they are verified against: <c>--trust-root FILE</c>, else
/// <c>PERMIT_AGENT_TRUST_ROOT</c>, else <c>Agent:TrustRootPublicKeyFile</c>.
/// </summary>
public static class AgentState
{
    public static OfflineStore Store(string? option, AgentHost host, string? trustRootOption = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        var directory = option ?? Blank(host.Environment(OfflineStore.DirectoryVariable)) ?? host.Settings.StateDirectory ?? OfflineStore.DefaultDirectory;
        var root = trustRootOption ?? Blank(host.Environment(AgentSettings.TrustRootVariable)) ?? host.Settings.TrustRootPublicKeyFile;
        return new OfflineStore(directory, root, host.Settings.RevocationGrace);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

using Permit.CardAgent.Issuing;
using Permit.CardAgent.Offline;

namespace Permit.CardAgent.Cli;

/// <summary>
/// <c>sync --api URL</c>: stores the API's trust list and signed revocation list in the state directory, so
/// <c>read-permit</c> and <c>verify-qr</c> work with no network. The trust list must be signed by the pinned trust root
/// (<c>--trust-root FILE</c>, <c>PERMIT_AGENT_TRUST_ROOT</c> or <c>Agent:TrustRootPublicKeyFile</c>). Exit 0 stored or
/// already current; 7 a list was refused (unsigned, foreign root, bad signature, older than the one held, issued in the
/// future, revocation list by an untrusted or revoked key); 8 the API cannot be reached.
/// </summary>
public static class SyncCommand
{
    public static async Task<int> RunAsync(CommandArguments options, CommandConsole console, AgentHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(host);
        var apiOption = options.Value("--api") ?? host.Settings.Api
            ?? throw AgentException.Usage("sync: --api URL is required (or Agent:Api in appsettings.json).");
        var store = AgentState.Store(options.Value("--state"), host, options.Value("--trust-root"));
        using var http = host.ApiClients(Pairing.AgentPairing.RequireSecure(PermitApiClient.ParseApiUrl(apiOption, "--api"), "sync: --api"));
        var outcome = await RevocationSync.RunAsync(new PermitApiClient(http, token: null), store, cancellationToken, host.Time).ConfigureAwait(false);
        if (console.Json)
        {
            console.WriteJson(new
            {
                stateDirectory = store.Directory,
                outcome.TrustedKeys,
                outcome.PreviousVersion,
                outcome.Version,
                outcome.Replaced,
                outcome.ThisUpdate,
                outcome.NextUpdate,
                outcome.Revoked,
                outcome.TrustListVersion,
            });
        }
        else
        {
            console.WriteLine($"permit-agent: {outcome.Describe()} in {store.Directory}");
        }

        return ExitCodes.Ok;
    }
}

using Permit.CardAgent.Failures;
using Permit.CardAgent.Verification;
using Permit.Domain.Credentials.Verification;

namespace Permit.CardAgent.Offline;

/// <summary>The verifier setup from the state directory alone: what <c>read-permit</c> and <c>verify-qr</c> use with no network.</summary>
public static class OfflineVerifier
{
    /// <exception cref="AgentException"><c>usage</c> before the first sync or with no trust root; <c>data-invalid</c> when the stored files are damaged.</exception>
    public static VerifierSetup Load(OfflineStore store, string command)
    {
        ArgumentNullException.ThrowIfNull(store);
        var trust = store.LoadTrustList()
            ?? throw AgentException.Usage(
                $"{command}: no trusted issuer keys are stored in {store.Directory}: run permit-agent sync --api URL once while online (or give --trust / --api).");
        return new VerifierSetup(trust, new RevocationKnowledge(store.LoadRevocationList(trust), Grace: store.RevocationGrace));
    }

    /// <summary>The people-facing line for stale revocation data, with the list's dates.</summary>
    public static string? StaleWarning(VerifierSetup setup, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var grace = setup.Revocation.EffectiveGrace;
        return setup.Revocation.List switch
        {
            null when setup.Revocation.LiveStatus is null =>
                "revocation data missing: no revocation list is held, so no card can be confirmed (run permit-agent sync).",
            { } list when list.IsStale(now) && now > list.NextUpdate + grace =>
                $"revocation data stale: the revocation list v{list.Version} was due to be replaced at {list.NextUpdate:u} and the {grace.TotalHours:0.##} h grace has passed, so no card can be confirmed (run permit-agent sync).",
            { } list when list.IsStale(now) =>
                $"revocation data stale: the revocation list v{list.Version} was due to be replaced at {list.NextUpdate:u}; a card revoked since may pass (run permit-agent sync).",
            _ => null,
        };
    }
}

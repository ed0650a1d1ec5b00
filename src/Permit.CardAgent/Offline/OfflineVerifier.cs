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
        // The status list v2 when the API serves it (docs/status-list.md), else the v1 list an older API serves.
        ICardStatusData? status = store.LoadStatusList(trust);
        return new VerifierSetup(trust, new RevocationKnowledge(status ?? store.LoadRevocationList(trust), Grace: store.RevocationGrace));
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
                $"revocation data stale: the {Name(list)} was due to be replaced at {list.NextUpdate:u} and the {grace.TotalHours:0.##} h grace has passed, so no card can be confirmed (run permit-agent sync).",
            { } list when list.IsStale(now) =>
                $"revocation data stale: the {Name(list)} was due to be replaced at {list.NextUpdate:u}; a card revoked since may pass (run permit-agent sync).",
            _ => null,
        };
    }

    private static string Name(ICardStatusData list) => list switch
    {
        Domain.Credentials.Revocation.RevocationList v1 => $"revocation list v{v1.Version}",
        Domain.Credentials.Status.StatusList v2 => $"status list {v2.Number}",
        _ => "status data",
    };
}

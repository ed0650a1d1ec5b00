using Permit.CardAgent.Failures;
using Permit.CardAgent.Issuing;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Trust;

namespace Permit.CardAgent.Offline;

/// <summary>What a sync did: the list version held before and after, and whether it changed.</summary>
public sealed record SyncOutcome(
    int TrustedKeys, long? PreviousVersion, long Version, bool Replaced, DateTimeOffset ThisUpdate, DateTimeOffset NextUpdate, int Revoked)
{
    public string Describe() => Replaced
        ? $"revocation list v{Version} stored (was {(PreviousVersion is { } p ? $"v{p}" : "none")}): {Revoked} revoked card(s), next update due {NextUpdate:u}; {TrustedKeys} trusted issuer key(s)"
        : $"revocation list v{Version} already held, next update due {NextUpdate:u}; {TrustedKeys} trusted issuer key(s)";
}

/// <summary>
/// <c>sync</c>: downloads the trust list and the revocation list from the permit API and stores them for offline use.
/// The list must verify against the downloaded trust list (signature, trusted key) before anything is replaced, and a
/// list older than the one held is refused (a replayed old list would un-revoke cards): the held pair then stays.
/// </summary>
public static class RevocationSync
{
    public static async Task<SyncOutcome> RunAsync(PermitApiClient api, OfflineStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(store);
        var trustJson = await api.GetTrustListJsonAsync(cancellationToken).ConfigureAwait(false);
        var trust = TrustListImport.FromJson(trustJson);
        if (!trust.IsValid || trust.Value!.Keys.Count == 0)
            throw AgentException.DataInvalid($"The trust list from {api.Api} holds no usable issuer key ({trust.Error ?? "it is empty"}); the stored lists are kept.");

        var signed = await api.GetRevocationListAsync(cancellationToken).ConfigureAwait(false);
        var read = RevocationListCodec.Read(signed, trust.Value);
        if (!read.IsValid)
            throw AgentException.DataInvalid($"The revocation list from {api.Api} was refused ({read.Error}); the stored lists are kept.");

        var held = Held(store);
        var list = read.List!;
        if (held is not null && list.Version < held.Version)
            throw AgentException.DataInvalid(
                $"The permit API served revocation list v{list.Version}, older than the v{held.Version} held; it was refused and the stored lists are kept.");

        var replace = held is null || list.Version > held.Version;
        if (replace)
            store.Save(trustJson, signed);
        return new SyncOutcome(trust.Value.Keys.Count, held?.Version, list.Version, replace, list.ThisUpdate, list.NextUpdate, list.Revoked.Count);
    }

    // A damaged held pair must not block a sync that would repair it.
    private static RevocationList? Held(OfflineStore store)
    {
        try
        {
            return store.LoadTrustList() is { } trust ? store.LoadRevocationList(trust) : null;
        }
        catch (AgentException)
        {
            return null;
        }
    }
}

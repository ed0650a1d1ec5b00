using Permit.CardAgent.Issuing;
using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Trust;

namespace Permit.CardAgent.Offline;

/// <summary>What a sync did: the list versions held before and after, and whether they changed.</summary>
public sealed record SyncOutcome(
    int TrustedKeys, long? PreviousVersion, long Version, bool Replaced, DateTimeOffset ThisUpdate, DateTimeOffset NextUpdate, int Revoked,
    long TrustListVersion = 0, string? StatusListChange = null)
{
    public string Describe() => StatusListChange is { } change
        ? $"status list {Version} {change} (was {(PreviousVersion is { } held ? held.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}), next update due {NextUpdate:u}; trust list v{TrustListVersion}, {TrustedKeys} trusted issuer key(s)"
        : Replaced
        ? $"revocation list v{Version} stored (was {(PreviousVersion is { } p ? $"v{p}" : "none")}): {Revoked} revoked card(s), next update due {NextUpdate:u}; trust list v{TrustListVersion}, {TrustedKeys} trusted issuer key(s)"
        : $"revocation list v{Version} already held, next update due {NextUpdate:u}; trust list v{TrustListVersion}, {TrustedKeys} trusted issuer key(s)";
}

/// <summary>
/// <c>sync</c>: downloads the trust list and the status data from the permit API and stores them for offline use: the
/// status list v2 and its deltas (<see cref="StatusListSync"/>) from an API that serves them, else the revocation list v1.
/// The connection proves nothing: the trust list must be signed by the pinned trust root, no older than the one held and
/// not issued in the future; the revocation list must be signed by a key that trust list names active or retired, not
/// issued in the future, and no older than the one held. Any refusal keeps the held pair, both files.
/// </summary>
public static class RevocationSync
{
    public static async Task<SyncOutcome> RunAsync(PermitApiClient api, OfflineStore store, CancellationToken cancellationToken, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(store);
        var now = (time ?? TimeProvider.System).GetUtcNow();
        var root = store.TrustRoot();
        var (heldTrust, heldList) = Held(store);

        var signedTrust = await api.GetSignedTrustListAsync(cancellationToken).ConfigureAwait(false);
        var trust = TrustListCodec.Read(signedTrust, root, now, heldTrust?.Version);
        if (!trust.IsValid)
            throw AgentException.DataInvalid($"The trust list from {api.Api} was refused ({trust.RefusalCode}: {trust.Error}); the stored lists are kept.");
        var keys = trust.List!.Keys;

        // The status list v2 when the API serves it; an older API answers 404 and the agent keeps to v1.
        if (await StatusListSync.RunAsync(api, store, signedTrust, trust.List, now, cancellationToken).ConfigureAwait(false) is { } synced)
            return synced;
        store.ForgetStatusList();

        var signed = await api.GetRevocationListAsync(cancellationToken).ConfigureAwait(false);
        var read = RevocationListCodec.Read(signed, keys);
        if (!read.IsValid)
            throw AgentException.DataInvalid($"The revocation list from {api.Api} was refused ({read.Reason?.Code()}: {read.Error}); the stored lists are kept.");

        var list = read.List!;
        if (list.ThisUpdate > now + TrustListCodec.MaxClockSkew)
            throw AgentException.DataInvalid(
                $"The permit API served revocation list v{list.Version} dated {list.ThisUpdate:u}, ahead of this clock; it was refused and the stored lists are kept.");

        // The held list only blocks an older one while its signer is still trusted: a list signed with a key since revoked
        // (say, stolen and used to publish version 2^63-1) must not lock the genuine lists out for ever.
        var heldCounts = heldList is not null && StillTrusted(heldList, keys);
        if (heldCounts && list.Version < heldList!.Version)
            throw AgentException.DataInvalid(
                $"The permit API served revocation list v{list.Version}, older than the v{heldList.Version} held; it was refused and the stored lists are kept.");

        var replace = !heldCounts || list.Version > heldList!.Version || trust.List.Version > (heldTrust?.Version ?? 0);
        if (replace)
            store.Save(signedTrust, signed);
        return new SyncOutcome(keys.Keys.Count, heldList?.Version, list.Version, replace, list.ThisUpdate, list.NextUpdate, list.Revoked.Count,
            trust.List.Version);
    }

    private static bool StillTrusted(RevocationList held, TrustList keys) => StillTrusted(held.IssuerKeyId, keys);

    internal static bool StillTrusted(byte[]? keyId, TrustList keys) =>
        keyId is { } kid && keys.TryFind(kid, out var key) && key.Status != TrustedKeyStatus.Revoked;

    // A damaged held pair must not block a sync that would repair it; a missing trust root must (nothing can be verified).
    private static (SignedTrustList? Trust, RevocationList? List) Held(OfflineStore store)
    {
        SignedTrustList? trust;
        try
        {
            trust = store.LoadSignedTrustList();
        }
        catch (AgentException e) when (e.Code == "data-invalid")
        {
            return (null, null);
        }

        try
        {
            return (trust, trust is null ? null : store.LoadRevocationList(trust.Keys));
        }
        catch (AgentException e) when (e.Code == "data-invalid")
        {
            return (trust, null);
        }
    }
}

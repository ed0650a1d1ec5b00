using System.Net;
using Permit.CardAgent.Issuing;
using Permit.Domain.Credentials.Status;
using Permit.Domain.Credentials.Trust;

namespace Permit.CardAgent.Offline;

/// <summary>
/// The status list v2 part of <c>sync</c> (docs/status-list.md, "Ordering and rollback"): with a full list held, ask
/// for the delta from it to the latest (304: nothing new; 404: the API makes none from it, take the full list); with
/// none, take the full list. Everything is verified against the trust list just accepted; a list or delta that is
/// refused, made for another base, older than the state held, or dated ahead of this clock changes nothing: the
/// last good state is kept, every file of it.
/// </summary>
public static class StatusListSync
{
    /// <returns>What the sync did, or null when the API serves no status list v2 (the caller keeps to v1).</returns>
    /// <exception cref="AgentException"><c>data-invalid</c> when what the API served is refused.</exception>
    public static async Task<SyncOutcome?> RunAsync(
        PermitApiClient api, OfflineStore store, byte[] signedTrust, SignedTrustList trust, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(trust);
        var keys = trust.Keys;
        var held = Held(store, keys);
        // As in v1, the held state blocks an older list only while its signers are still trusted.
        var heldCounts = held is not null
            && RevocationSync.StillTrusted(held.Base.IssuerKeyId, keys) && RevocationSync.StillTrusted(held.Current.IssuerKeyId, keys);
        var heldNumber = heldCounts ? held!.Current.Number : (long?)null;

        if (heldCounts)
        {
            var (status, body) = await api.GetStatusDeltaAsync(held!.Base.Number, cancellationToken).ConfigureAwait(false);
            if (status == HttpStatusCode.NotModified)
            {
                store.SaveTrustList(signedTrust);
                return Outcome(keys, trust, held.Current.Number, held.Base, "already held", replaced: false);
            }

            if (body is not null)
            {
                var delta = Checked(StatusDeltaCodec.Read(body, keys), api, "status delta");
                NotAhead(delta.ThisUpdate, delta.Number, now, api);
                var moved = Checked(StatusListSequence.Advance(held.Base, held.Current.Number, delta), api, "status delta");
                if (moved.Number == held.Current.Number)
                    return Outcome(keys, trust, held.Current.Number, held.Current, "already held", replaced: false);
                store.SaveStatusDelta(signedTrust, body);
                return Outcome(keys, trust, held.Current.Number, moved, $"stored by a delta from list {delta.BaseNumber} ({delta.Changes.Count} changed permit(s))", replaced: true);
            }
        }

        var signed = await api.GetStatusListAsync(cancellationToken).ConfigureAwait(false);
        if (signed is null)
            return null;
        var full = Checked(StatusListCodec.Read(signed, keys), api, "status list");
        NotAhead(full.ThisUpdate, full.Number, now, api);
        Checked(StatusListSequence.RefuseRollback<StatusList>(heldNumber, full.Number) ?? new StatusReadResult<StatusList>(full, null, null), api, "status list");
        store.SaveStatusList(signedTrust, signed);
        return Outcome(keys, trust, held?.Current.Number, full, $"stored in full ({full.CardCount} permit(s))", replaced: true);
    }

    private static T Checked<T>(StatusReadResult<T> read, PermitApiClient api, string what)
        where T : class =>
        read.Value ?? throw AgentException.DataInvalid($"The {what} from {api.Api} was refused ({read.Code}: {read.Error}); the stored lists are kept.");

    private static void NotAhead(DateTimeOffset thisUpdate, long number, DateTimeOffset now, PermitApiClient api)
    {
        if (thisUpdate > now + TrustListCodec.MaxClockSkew)
            throw AgentException.DataInvalid(
                $"The permit API served status list {number} dated {thisUpdate:u}, ahead of this clock; it was refused and the stored lists are kept.");
    }

    private static SyncOutcome Outcome(TrustList keys, SignedTrustList trust, long? previous, StatusList list, string change, bool replaced) =>
        new(keys.Keys.Count, previous, list.Number, replaced, list.ThisUpdate, list.NextUpdate, Revoked: 0, trust.Version, change);

    // A damaged held state must not block a sync that would repair it.
    private static HeldStatusList? Held(OfflineStore store, TrustList keys)
    {
        try
        {
            return store.LoadHeldStatusList(keys);
        }
        catch (AgentException e) when (e.Code == "data-invalid")
        {
            return null;
        }
    }
}

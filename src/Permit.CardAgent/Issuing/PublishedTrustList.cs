using Permit.CardAgent.Cli;
using Permit.CardAgent.Offline;
using Permit.Domain.Credentials.Trust;

namespace Permit.CardAgent.Issuing;

/// <summary>
/// The issuer keys a verifier downloads: the permit API's root-signed <c>GET /api/trust-list</c> (<c>--api URL</c>), or a
/// signed trust list at any URL or in a file (<c>--trust-list</c>). Either is accepted only when it verifies against the
/// pinned trust root (<see cref="OfflineStore.TrustRoot"/>); fetching it needs no sign-in.
/// </summary>
public static class PublishedTrustList
{
    /// <summary>Null when neither option is given.</summary>
    public static async Task<TrustList?> LoadAsync(string? api, string? trustList, AgentHost host, OfflineStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(store);
        if (api is not null && trustList is not null)
            throw AgentException.Usage("read-permit: give --api or --trust-list, not both.");
        if (api is not null)
        {
            using var http = host.ApiClients(Pairing.AgentPairing.RequireSecure(PermitApiClient.ParseApiUrl(api, "--api"), "read-permit: --api"));
            return Verify(await new PermitApiClient(http, token: null).GetSignedTrustListAsync(cancellationToken).ConfigureAwait(false), api, host, store);
        }

        if (trustList is null)
            return null;
        if (Uri.TryCreate(trustList, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            using var http = host.ApiClients(url);
            return Verify(await new PermitApiClient(http, token: null).GetSignedFileAsync(url, TrustListCodec.MaxBytes, cancellationToken).ConfigureAwait(false),
                trustList, host, store);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(trustList);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw AgentException.DataInvalid($"Cannot read the trust list {trustList}: {e.Message}", e);
        }

        return Verify(bytes, trustList, host, store);
    }

    private static TrustList Verify(byte[] signed, string source, AgentHost host, OfflineStore store)
    {
        var read = TrustListCodec.Read(signed, store.TrustRoot(), host.Time.GetUtcNow());
        if (!read.IsValid || read.List!.Keys.Keys.Count == 0)
            throw AgentException.DataInvalid($"The trust list from {source} was refused ({read.RefusalCode ?? "empty"}: {read.Error ?? "it names no key"}).");
        return read.List.Keys;
    }
}

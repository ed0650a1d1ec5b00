using Permit.CardAgent.Cli;
using Permit.CardAgent.Failures;
using Permit.CardAgent.Personalization;
using Permit.Domain.Credentials.Trust;

namespace Permit.CardAgent.Issuing;

/// <summary>
/// The issuer keys a verifier downloads: the permit API's <c>GET /api/trust-list</c> (<c>--api URL</c>), or a trust
/// list JSON at any URL or in a file (<c>--trust-list</c>). The list is public; fetching it needs no sign-in.
/// </summary>
public static class PublishedTrustList
{
    /// <summary>Null when neither option is given.</summary>
    public static async Task<TrustList?> LoadAsync(string? api, string? trustList, AgentHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        if (api is not null && trustList is not null)
            throw AgentException.Usage("read-permit: give --api or --trust-list, not both.");
        if (api is not null)
        {
            using var http = host.ApiClients(PermitApiClient.ParseApiUrl(api, "--api"));
            return Parse(await new PermitApiClient(http, token: null).GetTrustListJsonAsync(cancellationToken).ConfigureAwait(false), api);
        }

        if (trustList is null)
            return null;
        if (Uri.TryCreate(trustList, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            using var http = host.ApiClients(url);
            return Parse(await new PermitApiClient(http, token: null).GetJsonAsync(url, cancellationToken).ConfigureAwait(false), trustList);
        }

        return Parse(KeyFiles.ReadText(trustList, "trust list"), trustList);
    }

    private static TrustList Parse(string json, string source)
    {
        var list = TrustListImport.FromJson(json);
        if (!list.IsValid || list.Value!.Keys.Count == 0)
            throw AgentException.DataInvalid($"The trust list from {source} holds no usable issuer key ({list.Error ?? "it is empty"}).");
        return list.Value;
    }
}

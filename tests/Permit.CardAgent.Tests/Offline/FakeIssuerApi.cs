using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Status;

namespace Permit.CardAgent.Tests.Offline;

/// <summary>
/// The public documents of a permit API, served in process: the trust list (signed by the TEST root, naming the TEST
/// issuer key, unless the test serves other bytes), the revocation list the test last published, and, once the test
/// publishes one, the status list v2 with deltas from every full list published before (else 404, as an older API).
/// <see cref="Reachable"/> false answers like a dead network.
/// </summary>
internal sealed class FakeIssuerApi : HttpMessageHandler
{
    public FakeIssuerApi(Support.TestIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        Signer = new EcdsaIssuerSigner(issuer.Key);
        TrustList = issuer.SignedTrustList(1, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), issuer.Root);
    }

    /// <summary>The bytes served at /api/trust-list.</summary>
    public byte[] TrustList { get; set; }

    public IIssuerSigner Signer { get; }

    public bool Reachable { get; set; } = true;

    public byte[] RevocationList { get; set; } = [];

    public void Publish(RevocationList list) => RevocationList = RevocationListCodec.Sign(list, Signer);

    public void Publish(RevocationList list, IIssuerSigner signer) => RevocationList = RevocationListCodec.Sign(list, signer);

    private readonly Dictionary<long, StatusList> _statusLists = [];

    /// <summary>The bytes served at /api/status-list; null answers 404.</summary>
    public byte[]? StatusList { get; set; }

    /// <summary>When set, served at /api/status-list/delta whatever the base (a test's forged or tampered delta).</summary>
    public byte[]? StatusDelta { get; set; }

    public long? LatestStatusList { get; private set; }

    public void Publish(StatusList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        _statusLists[list.Number] = list;
        LatestStatusList = list.Number;
        StatusList = StatusListCodec.Sign(list, Signer);
    }

    private HttpResponseMessage Delta(string query)
    {
        var baseNumber = long.Parse(query.Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        if (StatusDelta is { } forced)
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(forced) };
        if (baseNumber == LatestStatusList)
            return new HttpResponseMessage(HttpStatusCode.NotModified);
        return LatestStatusList is { } latest && baseNumber < latest && _statusLists.TryGetValue(baseNumber, out var from)
            ? new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new ByteArrayContent(StatusDeltaCodec.Sign(Domain.Credentials.Status.StatusDelta.Between(from, _statusLists[latest]), Signer)),
            }
            : new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Reachable)
            throw new HttpRequestException("Connection refused (test: the network is down)");
        var path = request.RequestUri!.AbsolutePath;
        var response = path switch
        {
            "/api/trust-list" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(TrustList) },
            "/api/revocation-list" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(RevocationList) },
            "/api/status-list" when StatusList is { } full => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(full) },
            "/api/status-list/delta" when StatusList is not null => Delta(request.RequestUri.Query),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
        return Task.FromResult(response);
    }
}

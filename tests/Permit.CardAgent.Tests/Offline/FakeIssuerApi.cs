using System.Net;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Signing;

namespace Permit.CardAgent.Tests.Offline;

/// <summary>
/// The two public documents of a permit API, served in process: the trust list (signed by the TEST root, naming the TEST
/// issuer key, unless the test serves other bytes) and the revocation list the test last published.
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

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Reachable)
            throw new HttpRequestException("Connection refused (test: the network is down)");
        var path = request.RequestUri!.AbsolutePath;
        var response = path switch
        {
            "/api/trust-list" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(TrustList) },
            "/api/revocation-list" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(RevocationList) },
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
        return Task.FromResult(response);
    }
}

using System.Net;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.CardAgent.Tests.Offline;

/// <summary>
/// The two public documents of a permit API, served in process: the trust list naming one TEST issuer key and the
/// revocation list the test last published. <see cref="Reachable"/> false answers like a dead network.
/// </summary>
internal sealed class FakeIssuerApi : HttpMessageHandler
{
    private readonly System.Security.Cryptography.ECDsa _key;

    public FakeIssuerApi(System.Security.Cryptography.ECDsa key)
    {
        _key = key;
        Signer = new EcdsaIssuerSigner(key);
    }

    public IIssuerSigner Signer { get; }

    public bool Reachable { get; set; } = true;

    public byte[] RevocationList { get; set; } = [];

    public void Publish(RevocationList list) => RevocationList = RevocationListCodec.Sign(list, Signer);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Reachable)
            throw new HttpRequestException("Connection refused (test: the network is down)");
        var path = request.RequestUri!.AbsolutePath;
        var response = path switch
        {
            "/api/trust-list" => new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(TrustListImport.ToJson(new TrustList([TrustedIssuerKey.FromKey(_key, "active")])), System.Text.Encoding.UTF8, "application/json"),
            },
            "/api/revocation-list" => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(RevocationList) },
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
        return Task.FromResult(response);
    }
}

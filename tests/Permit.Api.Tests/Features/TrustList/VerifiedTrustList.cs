using Permit.Api.Keys;
using Permit.Api.Keys.Trust;
using Permit.Domain.Credentials.Trust;

namespace Permit.Api.Tests.Features.TrustList;

/// <summary>
/// Reads the API's trust list as a verifier does: the COSE bytes of <c>GET /api/trust-list</c>, accepted only against the
/// pinned root (here the development root the test API made in its key directory: TEST material).
/// </summary>
internal static class VerifiedTrustList
{
    public static string RootPublicKeyFile(IServiceProvider services) =>
        services.GetRequiredService<KeyDirectory>().PathOf(TrustListSource.DevelopmentRootPublicFile);

    public static async Task<Domain.Credentials.Trust.TrustList> ReadAsync(IServiceProvider services, HttpClient client)
    {
        var bytes = await client.GetByteArrayAsync(new Uri("/api/trust-list", UriKind.Relative), TestContext.Current.CancellationToken);
        var root = TrustRoot.FromPem(await File.ReadAllTextAsync(RootPublicKeyFile(services), TestContext.Current.CancellationToken)).Value!;
        var read = TrustListCodec.Read(bytes, root, DateTimeOffset.UtcNow.AddYears(50));
        Assert.True(read.IsValid, read.Error);
        return read.List!.Keys;
    }
}

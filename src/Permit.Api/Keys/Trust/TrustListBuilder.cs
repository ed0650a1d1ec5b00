using Permit.Domain.Credentials.Trust;

namespace Permit.Api.Keys.Trust;

/// <summary>Issuer keys as a trust list names them.</summary>
public static class TrustListBuilder
{
    /// <summary>Every key of the ring, active or retired as the ring says (or revoked when named), no window, for <paramref name="regions"/>.</summary>
    public static TrustList FromRing(IssuerKeyRing ring, IReadOnlyList<string> regions, IReadOnlySet<string>? revokedKeyIds = null)
    {
        ArgumentNullException.ThrowIfNull(ring);
        return new TrustList(ring.Keys.Select(k => TrustedIssuerKey.FromKey(k.PrivateKey, $"issuer {k.KeyId}").WithPolicy(
            revokedKeyIds?.Contains(k.KeyId) == true ? TrustedKeyStatus.Revoked
                : k.Status == IssuerKeyStatus.Active ? TrustedKeyStatus.Active : TrustedKeyStatus.Retired,
            notBefore: null, notAfter: null, regions)));
    }
}

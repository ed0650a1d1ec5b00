using Permit.Api.Keys;
using Permit.Domain.Credentials.Trust;

namespace Permit.Api.Features.Entitlements;

/// <summary>
/// The issuer keys a QR or card must be signed with: this installation's ring, active and retired (cards signed
/// before a rotation stay genuine). Keys change only with a restart (<c>keys rotate-issuer</c>), so it is built once.
/// </summary>
public sealed class IssuerTrust(IssuerKeyRing ring)
{
    private readonly Lazy<TrustList> _list = new(ring.ToTrustList);

    public TrustList List => _list.Value;
}

using Permit.Api.Keys.Trust;
using Permit.Domain.Credentials.Trust;

namespace Permit.Api.Features.Entitlements;

/// <summary>
/// The issuer keys a QR or card must be signed with: the root-signed trust list this API was given (or, outside
/// Production, the development list), with each key's status, window and regions. A key the list marks revoked makes
/// what it signed <c>issuer-key-revoked</c>; a permit outside a key's regions is refused. The list changes only with a
/// restart, so it is read once.
/// </summary>
public sealed class IssuerTrust(TrustListSource source)
{
    public TrustList List => source.List.Keys;
}

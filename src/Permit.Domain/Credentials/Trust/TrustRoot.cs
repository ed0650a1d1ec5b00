using System.Security.Cryptography;

namespace Permit.Domain.Credentials.Trust;

/// <summary>
/// The trust root's public key, pinned in a verifier's configuration (a PEM <c>PUBLIC KEY</c> block, P-256). It is never
/// downloaded: whoever could swap it could swap every issuer key.
/// </summary>
public static class TrustRoot
{
    public static DecodeResult<TrustedIssuerKey> FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var keys = TrustListImport.FromPem(pem);
        return keys switch
        {
            { IsValid: false } => DecodeResult.Malformed<TrustedIssuerKey>($"trust root: {keys.Error}"),
            { Value.Keys.Count: not 1 } => DecodeResult.Malformed<TrustedIssuerKey>("trust root: the PEM holds more than one public key"),
            _ => DecodeResult.Ok(keys.Value!.Keys.Single()),
        };
    }

    public static TrustedIssuerKey FromKey(ECDsa key) => TrustedIssuerKey.FromKey(key, "trust root");
}

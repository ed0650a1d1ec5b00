namespace Permit.Api.Keys.Trust;

/// <summary>
/// The <c>Trust</c> configuration section: the trust root's public key this API verifies against, and the root-signed
/// trust list it serves and verifies with. The root's private key is never here: it lives on an offline machine
/// (<c>keys root init</c>, <c>keys sign-trust-list</c>). Relative paths are taken from the content root.
/// </summary>
public sealed class TrustOptions
{
    public const string Section = "Trust";

    /// <summary>PEM file with the root's P-256 public key (<c>trust-root.pub.pem</c> from <c>keys root init</c>).</summary>
    public string? RootPublicKeyFile { get; set; }

    /// <summary>The signed trust list (<c>keys sign-trust-list --out</c>), served at <c>GET /api/trust-list</c>.</summary>
    public string? ListFile { get; set; }
}

namespace Permit.Domain.Credentials.Signing;

/// <summary>
/// The issuing authority's signing key, wherever it lives (software key in tests and the simulator, an HSM in
/// production). Everything the issuer signs (EF.SIG's H1‖H2‖H3, the QR credential's and the revocation list's
/// COSE Sig_structure) goes through <see cref="Sign"/>.
/// </summary>
public interface IIssuerSigner
{
    /// <summary>The 8-byte key id (<see cref="IssuerKeyId"/>) verifiers look the public key up by.</summary>
    ReadOnlyMemory<byte> KeyId { get; }

    /// <summary>
    /// ECDSA over NIST P-256 with SHA-256 of <paramref name="data"/> (the signer hashes), returned as the
    /// 64-byte IEEE P1363 concatenation <c>r‖s</c>.
    /// </summary>
    byte[] Sign(ReadOnlySpan<byte> data);
}

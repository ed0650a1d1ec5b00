using System.Security.Cryptography;

namespace Permit.Domain.Credentials.Signing;

/// <summary>
/// An <see cref="IIssuerSigner"/> over a software P-256 key. The caller owns the key and
/// disposes it; this class only borrows it.
/// </summary>
public sealed class EcdsaIssuerSigner : IIssuerSigner
{
    private readonly ECDsa _key;

    // ECDsa instances are not documented as safe for concurrent use; an API server signs from many requests.
    private readonly Lock _gate = new();

    public EcdsaIssuerSigner(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!P256.IsP256(key))
        {
            throw new ArgumentException("The issuer key must be on NIST P-256.", nameof(key));
        }

        _key = key;
        KeyId = IssuerKeyId.FromKey(key);
    }

    public ReadOnlyMemory<byte> KeyId { get; }

    public byte[] Sign(ReadOnlySpan<byte> data)
    {
        lock (_gate)
        {
            return _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
    }
}

using System.Security.Cryptography;
using Permit.Domain.Credentials.Signing;

namespace Permit.Domain.Credentials.Trust;

/// <summary>
/// One issuer public key a verifier trusts, named by its key id (first 8 bytes of SHA-256 over the SPKI).
/// The id is always computed from the key, so a trust list cannot name a key by someone else's id.
/// </summary>
public sealed class TrustedIssuerKey
{
    private readonly byte[] _subjectPublicKeyInfo;
    private readonly byte[] _keyId;

    private TrustedIssuerKey(byte[] subjectPublicKeyInfo, string? label)
    {
        _subjectPublicKeyInfo = subjectPublicKeyInfo;
        _keyId = IssuerKeyId.FromSubjectPublicKeyInfo(subjectPublicKeyInfo);
        Label = label;
    }

    public ReadOnlySpan<byte> KeyId => _keyId;

    public string KeyIdHex => IssuerKeyId.ToHex(_keyId);

    /// <summary>A name for people, e.g. "Ningbo PSB issuing key 2026".</summary>
    public string? Label { get; }

    public ReadOnlySpan<byte> SubjectPublicKeyInfo => _subjectPublicKeyInfo;

    /// <summary>Accepts a DER SubjectPublicKeyInfo holding a P-256 EC public key.</summary>
    /// <exception cref="ArgumentException">Not a P-256 public key.</exception>
    public static TrustedIssuerKey FromSubjectPublicKeyInfo(ReadOnlySpan<byte> subjectPublicKeyInfo, string? label = null)
    {
        try
        {
            using var key = ECDsa.Create();
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out var read);
            if (read != subjectPublicKeyInfo.Length || !P256.IsP256(key))
            {
                throw new ArgumentException("The key is not a P-256 SubjectPublicKeyInfo.", nameof(subjectPublicKeyInfo));
            }

            // Re-export so the id is computed over canonical DER even if the input had odd but accepted encoding.
            return new TrustedIssuerKey(key.ExportSubjectPublicKeyInfo(), label);
        }
        catch (CryptographicException e)
        {
            throw new ArgumentException("The key is not a valid EC SubjectPublicKeyInfo.", nameof(subjectPublicKeyInfo), e);
        }
    }

    public static TrustedIssuerKey FromKey(ECDsa key, string? label = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        return FromSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), label);
    }

    /// <summary>A fresh key object for one verification; the caller disposes it.</summary>
    public ECDsa CreateVerificationKey()
    {
        var key = ECDsa.Create();
        key.ImportSubjectPublicKeyInfo(_subjectPublicKeyInfo, out _);
        return key;
    }
}

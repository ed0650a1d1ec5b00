using System.Security.Cryptography;

namespace Permit.Domain.Credentials.Signing;

/// <summary>
/// The 8-byte name of an issuer key, shared by EF.SIG (tag 90), the QR credential's COSE <c>kid</c> and the
/// revocation list: the first 8 bytes of SHA-256 over the key's DER SubjectPublicKeyInfo.
/// </summary>
public static class IssuerKeyId
{
    public const int Length = 8;

    public static byte[] FromSubjectPublicKeyInfo(ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        SHA256.HashData(subjectPublicKeyInfo)[..Length];

    public static byte[] FromKey(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return FromSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Lower-case hex, the form used in trust-list JSON and logs (a key id is public).</summary>
    public static string ToHex(ReadOnlySpan<byte> keyId) => Convert.ToHexStringLower(keyId);
}

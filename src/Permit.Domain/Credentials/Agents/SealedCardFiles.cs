using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Permit.Domain.Credentials.Agents;

/// <summary>
/// Card files a counter's agent hands to the page sealed for the permit API, so the page forwards them without seeing
/// the ID number in EF.PERMIT. ECDH-ES on P-256 with the API's seal key (pinned at pairing), HKDF-SHA256, AES-256-GCM:
/// <c>"PS1." BASE64URL(ephemeral point, 65 bytes) "." BASE64URL(nonce, 12) "." BASE64URL(ciphertext ‖ tag)</c>
/// (docs/agent-tickets.md).
/// </summary>
public static class SealedCardFiles
{
    public const string Prefix = "PS1.";
    private const int PointLength = 65;
    private const int NonceLength = 12;
    private const int TagLength = 16;

    /// <summary>A sealed read of the four files stays well below this; anything longer is refused before decoding.</summary>
    public const int MaxLength = 96 * 1024;

    private static readonly byte[] Info = Encoding.ASCII.GetBytes("permit-agent seal v1");
    private static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes("permit-card-files");

    public static string Seal(ReadOnlySpan<byte> plaintext, ECDiffieHellman recipient) => Seal(plaintext, recipient, AssociatedData);

    /// <summary>The plaintext, or null when the text is not a box sealed for <paramref name="recipient"/>.</summary>
    public static byte[]? Open(string? text, ECDiffieHellman recipient) => Open(text, recipient, AssociatedData);

    /// <param name="purpose">Associated data naming what the box holds, so a box of one kind never opens as another (SealedIdCard).</param>
    public static string Seal(ReadOnlySpan<byte> plaintext, ECDiffieHellman recipient, byte[] purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(recipient);
        using var ephemeral = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = Point(ephemeral.PublicKey);
        var key = DeriveKey(ephemeral, recipient.PublicKey, point);
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var sealedBytes = new byte[plaintext.Length + TagLength];
        using (var aes = new AesGcm(key, TagLength))
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), purpose);
        CryptographicOperations.ZeroMemory(key);
        return Prefix + Base64Url.EncodeToString(point) + "." + Base64Url.EncodeToString(nonce) + "." + Base64Url.EncodeToString(sealedBytes);
    }

    public static byte[]? Open(string? text, ECDiffieHellman recipient, byte[] purpose)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(recipient);
        if (text is null || text.Length > MaxLength || !text.StartsWith(Prefix, StringComparison.Ordinal))
            return null;
        var parts = text[Prefix.Length..].Split('.');
        if (parts.Length != 3)
            return null;
        try
        {
            var point = Base64Url.DecodeFromChars(parts[0]);
            var nonce = Base64Url.DecodeFromChars(parts[1]);
            var sealedBytes = Base64Url.DecodeFromChars(parts[2]);
            if (point is not [0x04, ..] || point.Length != PointLength || nonce.Length != NonceLength || sealedBytes.Length < TagLength
                || !Signing.P256.IsOnCurve(point.AsSpan(1, 32), point.AsSpan(33, 32)))
                return null;
            using var sender = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = point[1..33], Y = point[33..] },
            });
            var key = DeriveKey(recipient, sender.PublicKey, point);
            var plaintext = new byte[sealedBytes.Length - TagLength];
            using (var aes = new AesGcm(key, TagLength))
                aes.Decrypt(nonce, sealedBytes.AsSpan(0, plaintext.Length), sealedBytes.AsSpan(plaintext.Length), plaintext, purpose);
            CryptographicOperations.ZeroMemory(key);
            return plaintext;
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return null;
        }
    }

    private static byte[] DeriveKey(ECDiffieHellman own, ECDiffieHellmanPublicKey other, byte[] ephemeralPoint)
    {
        var shared = own.DeriveRawSecretAgreement(other);
        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, salt: ephemeralPoint, info: Info);
        CryptographicOperations.ZeroMemory(shared);
        return key;
    }

    private static byte[] Point(ECDiffieHellmanPublicKey key)
    {
        var q = key.ExportParameters().Q;
        return [0x04, .. q.X!, .. q.Y!];
    }
}

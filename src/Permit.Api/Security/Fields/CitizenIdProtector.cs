using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Permit.Api.Keys;
using Permit.Domain.Identity;

namespace Permit.Api.Security.Fields;

/// <summary>
/// Encrypts citizen ID numbers for storage and computes their blind index for equality lookups.
/// <para>Stored form: <c>v&lt;version&gt;:&lt;base64url(nonce 12 ‖ ciphertext 18 ‖ tag 16)&gt;</c> (AES-256-GCM, random
/// 96-bit nonce, the version and a purpose label as associated data), 69 characters for version 1.</para>
/// <para>Blind index: the first 16 bytes of HMAC-SHA256(index key, normalized number) as 32 lower-case hex characters.
/// Equal numbers give equal indexes; without the key the index reveals nothing.</para>
/// </summary>
public sealed class CitizenIdProtector
{
    /// <summary>Column width for the stored form (room for a 6-digit key version).</summary>
    public const int StoredMaxLength = 80;

    /// <summary>Column width of the blind index.</summary>
    public const int BlindIndexLength = 32;

    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int IndexBytes = 16;
    private static readonly byte[] Purpose = "permit/citizen-id-number"u8.ToArray();

    private readonly DataProtectionKeys _keys;

    public CitizenIdProtector(DataProtectionKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = keys;
    }

    public string Protect(CitizenIdNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var version = _keys.ActiveEncryptionVersion;
        _keys.TryGetEncryptionKey(version, out var key);

        var plaintext = Encoding.ASCII.GetBytes(number.Value);
        var sealedBytes = new byte[NonceLength + plaintext.Length + TagLength];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Span, TagLength))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceLength, plaintext.Length),
                sealedBytes.AsSpan(NonceLength + plaintext.Length), AssociatedData(version));
        }

        return $"v{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{Base64Url(sealedBytes)}";
    }

    /// <exception cref="CryptographicException">Not a stored form, an unknown key version, or tampered with.</exception>
    public CitizenIdNumber Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        if (colon < 2 || stored[0] != 'v'
            || !int.TryParse(stored.AsSpan(1, colon - 1), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var version))
        {
            throw new CryptographicException("Not an encrypted citizen ID number.");
        }

        if (!_keys.TryGetEncryptionKey(version, out var key))
            throw new CryptographicException($"No citizen ID encryption key of version {version} in the key directory.");

        var sealedBytes = FromBase64Url(stored[(colon + 1)..]);
        if (sealedBytes.Length <= NonceLength + TagLength)
            throw new CryptographicException("The encrypted citizen ID number is truncated.");

        var cipherLength = sealedBytes.Length - NonceLength - TagLength;
        var plaintext = new byte[cipherLength];
        using (var aes = new AesGcm(key.Span, TagLength))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceLength), sealedBytes.AsSpan(NonceLength, cipherLength),
                sealedBytes.AsSpan(NonceLength + cipherLength), plaintext, AssociatedData(version));
        }

        return CitizenIdNumber.Parse(Encoding.ASCII.GetString(plaintext));
    }

    /// <summary>The blind index of a number (normalized by <see cref="CitizenIdNumber"/>: 18 characters, upper-case X).</summary>
    public string BlindIndex(CitizenIdNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_keys.BlindIndexKey.Span, Encoding.ASCII.GetBytes(number.Value), mac);
        return Convert.ToHexStringLower(mac[..IndexBytes]);
    }

    private static byte[] AssociatedData(int version)
    {
        var data = new byte[Purpose.Length + sizeof(int)];
        Purpose.CopyTo(data, 0);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(Purpose.Length), version);
        return data;
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        try
        {
            return Convert.FromBase64String(padded);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("The encrypted citizen ID number is not base64url.", e);
        }
    }
}

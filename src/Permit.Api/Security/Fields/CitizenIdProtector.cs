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

        return Seal(key.Span, version, Encoding.ASCII.GetBytes(number.Value), AssociatedData(Purpose, version));
    }

    /// <exception cref="CryptographicException">Not a stored form, an unknown key version, or tampered with.</exception>
    public CitizenIdNumber Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var (version, sealedBytes) = Parse(stored);
        return CitizenIdNumber.Parse(Encoding.ASCII.GetString(Open(version, sealedBytes, Purpose)));
    }

    /// <summary>
    /// Encrypts other personal text (an address, a stored answer) with the same field key, under its own
    /// <paramref name="purpose"/> so a ciphertext cannot be moved to another column: same stored form as a number.
    /// </summary>
    public string ProtectText(string text, string purpose)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var version = _keys.ActiveEncryptionVersion;
        _keys.TryGetEncryptionKey(version, out var key);
        return Seal(key.Span, version, Encoding.UTF8.GetBytes(text), AssociatedData(Encoding.UTF8.GetBytes(purpose), version));
    }

    /// <exception cref="CryptographicException">Not a stored form, an unknown key version, another purpose, or tampered with.</exception>
    public string UnprotectText(string stored, string purpose)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var (version, sealedBytes) = Parse(stored);
        return Encoding.UTF8.GetString(Open(version, sealedBytes, Encoding.UTF8.GetBytes(purpose)));
    }

    /// <summary>
    /// Encrypts binary personal data (a photo) with the field key under <paramref name="purpose"/>: nonce ‖ ciphertext ‖
    /// tag, and the key version it was sealed with (kept beside it, as a column).
    /// </summary>
    public (byte[] Sealed, int KeyVersion) ProtectBytes(ReadOnlySpan<byte> data, string purpose)
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        var version = _keys.ActiveEncryptionVersion;
        _keys.TryGetEncryptionKey(version, out var key);
        var sealedBytes = new byte[NonceLength + data.Length + TagLength];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Span, TagLength))
        {
            aes.Encrypt(nonce, data, sealedBytes.AsSpan(NonceLength, data.Length), sealedBytes.AsSpan(NonceLength + data.Length),
                AssociatedData(Encoding.UTF8.GetBytes(purpose), version));
        }

        return (sealedBytes, version);
    }

    /// <exception cref="CryptographicException">An unknown key version, another purpose, or tampered with.</exception>
    public byte[] UnprotectBytes(byte[] sealedBytes, int keyVersion, string purpose)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        return Open(keyVersion, sealedBytes, Encoding.UTF8.GetBytes(purpose));
    }

    /// <summary>True when <paramref name="stored"/> has the stored form (<c>v&lt;version&gt;:…</c>) rather than plain text.</summary>
    public static bool LooksProtected(string stored) => TryVersion(stored, out _, out _);

    /// <summary>The key version <paramref name="stored"/> was sealed with, or null when it is not a stored form.</summary>
    public static int? VersionOf(string stored) => TryVersion(stored, out var version, out _) ? version : null;

    /// <summary>The blind index of a number (normalized by <see cref="CitizenIdNumber"/>: 18 characters, upper-case X).</summary>
    public string BlindIndex(CitizenIdNumber number)
    {
        ArgumentNullException.ThrowIfNull(number);
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_keys.BlindIndexKey.Span, Encoding.ASCII.GetBytes(number.Value), mac);
        return Convert.ToHexStringLower(mac[..IndexBytes]);
    }

    private static string Seal(ReadOnlySpan<byte> key, int version, byte[] plaintext, byte[] associatedData)
    {
        var sealedBytes = new byte[NonceLength + plaintext.Length + TagLength];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        CachedAes.For(key).Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceLength, plaintext.Length),
            sealedBytes.AsSpan(NonceLength + plaintext.Length), associatedData);

        return $"v{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{Base64Url(sealedBytes)}";
    }

    private byte[] Open(int version, byte[] sealedBytes, byte[] purpose)
    {
        if (!_keys.TryGetEncryptionKey(version, out var key))
            throw new CryptographicException($"No field encryption key of version {version} in the key directory.");
        if (sealedBytes.Length < NonceLength + TagLength)
            throw new CryptographicException("The encrypted field is truncated.");

        var cipherLength = sealedBytes.Length - NonceLength - TagLength;
        var plaintext = new byte[cipherLength];
        CachedAes.For(key.Span).Decrypt(sealedBytes.AsSpan(0, NonceLength), sealedBytes.AsSpan(NonceLength, cipherLength),
            sealedBytes.AsSpan(NonceLength + cipherLength), plaintext, AssociatedData(purpose, version));

        return plaintext;
    }

    private static (int Version, byte[] Sealed) Parse(string stored)
    {
        if (!TryVersion(stored, out var version, out var colon))
            throw new CryptographicException("Not an encrypted field.");
        return (version, FromBase64Url(stored[(colon + 1)..]));
    }

    private static bool TryVersion(string stored, out int version, out int colon)
    {
        version = 0;
        colon = stored.IndexOf(':', StringComparison.Ordinal);
        return colon >= 2 && colon <= 8 && stored[0] == 'v'
            && int.TryParse(stored.AsSpan(1, colon - 1), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out version);
    }

    /// <summary>
    /// One AES-GCM context per thread and key, reused value after value: a bulk report encrypts two fields per row, and
    /// setting up a new context (key schedule, native handle) for each cost a quarter of its INSERTs. An AesGcm instance
    /// is not safe across threads, hence one per thread; a rotated key replaces it.
    /// </summary>
    private static class CachedAes
    {
        [ThreadStatic]
        private static byte[]? t_key;

        [ThreadStatic]
        private static AesGcm? t_aes;

        public static AesGcm For(ReadOnlySpan<byte> key)
        {
            if (t_aes is null || t_key is null || !key.SequenceEqual(t_key))
            {
                t_aes?.Dispose();
                t_key = key.ToArray();
                t_aes = new AesGcm(key, TagLength);
            }
            return t_aes;
        }
    }

    private static byte[] AssociatedData(byte[] purpose, int version)
    {
        var data = new byte[purpose.Length + sizeof(int)];
        purpose.CopyTo(data, 0);
        BinaryPrimitives.WriteInt32BigEndian(data.AsSpan(purpose.Length), version);
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

using System.Globalization;
using System.Text.RegularExpressions;

namespace Permit.Api.Keys;

/// <summary>
/// The symmetric keys of the API, each in its own 32-byte file in the key directory:
/// <list type="bullet">
/// <item><c>citizen-id-aes-v&lt;n&gt;.key</c>: AES-256 keys for citizen ID numbers; the highest version encrypts,
///   every version present decrypts (rotate by adding a higher version, never by deleting one still in use).</item>
/// <item><c>citizen-id-index.key</c>: the HMAC-SHA256 key of the blind index (rotating it means re-indexing).</item>
/// <item><c>token-signing.key</c>: the HS256 secret of officer and migrant bearer tokens.</item>
/// </list>
/// Key bytes never leave this object except to the crypto that uses them; nothing here logs them.
/// </summary>
public sealed partial class DataProtectionKeys
{
    public const int KeyLength = 32;
    public const string BlindIndexFile = "citizen-id-index.key";
    public const string TokenSigningFile = "token-signing.key";

    private readonly Dictionary<int, byte[]> _encryptionKeys;

    private DataProtectionKeys(Dictionary<int, byte[]> encryptionKeys, byte[] blindIndexKey, byte[] tokenSigningKey)
    {
        _encryptionKeys = encryptionKeys;
        BlindIndexKey = blindIndexKey;
        TokenSigningKey = tokenSigningKey;
        ActiveEncryptionVersion = encryptionKeys.Keys.Max();
    }

    public int ActiveEncryptionVersion { get; }

    public ReadOnlyMemory<byte> BlindIndexKey { get; }

    public ReadOnlyMemory<byte> TokenSigningKey { get; }

    public static string EncryptionFile(int version) => string.Create(CultureInfo.InvariantCulture, $"citizen-id-aes-v{version}.key");

    /// <summary>Loads the keys, creating any that are missing (version 1 of the encryption key on first start).</summary>
    public static DataProtectionKeys LoadOrCreate(KeyDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var versions = directory.FileNames("citizen-id-aes-v*.key")
            .Select(name => EncryptionFileName().Match(name))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .ToList();
        if (versions.Count == 0)
            versions.Add(1);

        var encryption = versions.ToDictionary(v => v, v => directory.ReadOrCreateSecret(EncryptionFile(v), KeyLength));
        return new DataProtectionKeys(
            encryption,
            directory.ReadOrCreateSecret(BlindIndexFile, KeyLength),
            directory.ReadOrCreateSecret(TokenSigningFile, KeyLength));
    }

    /// <summary>Adds the next encryption key version; it encrypts from the next start on. Returns its version.</summary>
    public static int AddEncryptionKey(KeyDirectory directory)
    {
        var current = LoadOrCreate(directory);
        var next = current.ActiveEncryptionVersion + 1;
        directory.ReadOrCreateSecret(EncryptionFile(next), KeyLength);
        return next;
    }

    public bool TryGetEncryptionKey(int version, out ReadOnlyMemory<byte> key)
    {
        var found = _encryptionKeys.TryGetValue(version, out var bytes);
        key = bytes;
        return found;
    }

    [GeneratedRegex(@"^citizen-id-aes-v([1-9][0-9]{0,5})\.key$", RegexOptions.CultureInvariant)]
    private static partial Regex EncryptionFileName();
}

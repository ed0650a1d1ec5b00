namespace Permit.Domain.Credentials.Trust;

/// <summary>
/// The issuer keys a verifier accepts, by key id. Several keys may be trusted at once, so an issuer can
/// rotate keys while cards and QR codes signed with the old key are still in circulation.
/// </summary>
public sealed class TrustList
{
    private readonly Dictionary<string, TrustedIssuerKey> _byKeyId;

    /// <exception cref="ArgumentException">Two keys share a key id.</exception>
    public TrustList(IEnumerable<TrustedIssuerKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _byKeyId = new Dictionary<string, TrustedIssuerKey>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (!_byKeyId.TryAdd(key.KeyIdHex, key))
            {
                throw new ArgumentException($"Key id {key.KeyIdHex} appears twice in the trust list.", nameof(keys));
            }
        }
    }

    public static TrustList Empty { get; } = new([]);

    public IReadOnlyCollection<TrustedIssuerKey> Keys => _byKeyId.Values;

    public bool TryFind(ReadOnlySpan<byte> keyId, out TrustedIssuerKey key)
    {
        key = null!;
        return keyId.Length == Signing.IssuerKeyId.Length
            && _byKeyId.TryGetValue(Convert.ToHexStringLower(keyId), out key!);
    }

    /// <summary>This list plus another key (e.g. the next key during a rotation).</summary>
    public TrustList With(TrustedIssuerKey key) => new([.. Keys, key]);
}

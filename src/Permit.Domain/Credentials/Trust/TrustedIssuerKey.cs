using System.Security.Cryptography;
using Permit.Domain.Credentials.Signing;

namespace Permit.Domain.Credentials.Trust;

/// <summary>
/// One issuer public key a verifier trusts, named by its key id (first 8 bytes of SHA-256 over the SPKI).
/// The id is always computed from the key, so a trust list cannot name a key by someone else's id.
/// A key from a root-signed trust list (docs/trust-list.md) also carries its status, the window in which it may sign
/// and the region-code prefixes it may issue for; a key a verifier was configured with by hand has none of these
/// limits (active, no window, any region).
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

    private TrustedIssuerKey(TrustedIssuerKey key, TrustedKeyStatus status, DateTimeOffset? notBefore, DateTimeOffset? notAfter, IReadOnlyList<string>? regions)
        : this(key._subjectPublicKeyInfo, key.Label)
    {
        Status = status;
        NotBefore = notBefore;
        NotAfter = notAfter;
        Regions = regions;
    }

    /// <summary><c>active</c> signs today, <c>retired</c> signed before a rotation, <c>revoked</c> is distrusted (stolen or misused).</summary>
    public TrustedKeyStatus Status { get; } = TrustedKeyStatus.Active;

    /// <summary>The first moment the key may sign; null = no lower limit.</summary>
    public DateTimeOffset? NotBefore { get; }

    /// <summary>The last moment the key may sign; null = no upper limit.</summary>
    public DateTimeOffset? NotAfter { get; }

    /// <summary>Region-code prefixes (2, 4 or 6 digits: province, city, district) of the permits the key may sign; null = any.</summary>
    public IReadOnlyList<string>? Regions { get; }

    /// <summary>This key with the limits a root-signed trust list gives it.</summary>
    /// <exception cref="ArgumentException">A region is not 2, 4 or 6 digits, or the window ends before it starts.</exception>
    public TrustedIssuerKey WithPolicy(TrustedKeyStatus status, DateTimeOffset? notBefore, DateTimeOffset? notAfter, IReadOnlyList<string>? regions)
    {
        if (notBefore is { } nb && notAfter is { } na && na < nb)
        {
            throw new ArgumentException("not-after is before not-before.", nameof(notAfter));
        }

        if (regions is not null && regions.Any(r => r.Length is not (2 or 4 or 6) || !r.All(char.IsAsciiDigit)))
        {
            throw new ArgumentException("A region prefix is 2, 4 or 6 digits.", nameof(regions));
        }

        return new TrustedIssuerKey(this, status, notBefore, notAfter, regions is null ? null : [.. regions]);
    }

    /// <summary>Whether the key may sign a permit whose number starts with <paramref name="permitNumber"/>'s region code.</summary>
    public bool MayIssueFor(string permitNumber)
    {
        ArgumentNullException.ThrowIfNull(permitNumber);
        return Regions is null || Regions.Any(prefix => permitNumber.StartsWith(prefix, StringComparison.Ordinal));
    }

    /// <summary>Whether <paramref name="signedAt"/> lies inside the key's window.</summary>
    public bool MaySignAt(DateTimeOffset signedAt) =>
        (NotBefore is not { } nb || signedAt >= nb) && (NotAfter is not { } na || signedAt <= na);

    /// <summary>Whether a card issued on <paramref name="issueDate"/> (a China date) lies inside the key's window, by China date.</summary>
    public bool MaySignOn(DateOnly issueDate) =>
        (NotBefore is not { } nb || issueDate >= ChinaDate.Of(nb))
        && (NotAfter is not { } na || issueDate <= ChinaDate.Of(na));

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

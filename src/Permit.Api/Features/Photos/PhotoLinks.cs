using System.Buffers.Binary;
using System.Security.Claims;
using System.Security.Cryptography;
using Permit.Api.Keys;
using Permit.Api.Security.Authorization;

namespace Permit.Api.Features.Photos;

/// <summary>Who a photo link was made for; the fetch is audited under this name.</summary>
public enum PhotoAudience : byte
{
    /// <summary>An officer on the resident's page.</summary>
    Officer = 1,

    /// <summary>A verifier terminal that has just proven a card or QR genuine (or looked a permit number up).</summary>
    Verifier = 2,

    /// <summary>The holder on /me.</summary>
    Holder = 3,
}

/// <summary>
/// Short-lived photo links: <c>/api/photos/&lt;token&gt;</c>, where the token is photo id (16) ‖ expiry, Unix seconds (8) ‖
/// audience (1) ‖ the first 8 bytes of SHA-256 of the caller's subject ‖ a 16-byte HMAC-SHA256 over all that, with a
/// key derived from the token-signing key; base64url, 66 characters. A link works for <see cref="Lifetime"/>, only for
/// the principal it was made for (a link copied to another session or terminal is refused), and each fetch is audited.
/// Nothing is stored: any node checks any node's link.
/// </summary>
public sealed class PhotoLinks
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public const string RoutePrefix = "/api/photos/";

    private const int PayloadLength = 16 + 8 + 1 + 8;
    private const int MacLength = 16;

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public PhotoLinks(DataProtectionKeys keys, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, keys.TokenSigningKey.ToArray(), 32, [], "permit/photo-link"u8.ToArray());
        _time = time;
    }

    /// <summary>The link to photo <paramref name="photoId"/> for <paramref name="user"/>; null when the caller has no subject.</summary>
    public string? For(Guid photoId, ClaimsPrincipal user, PhotoAudience audience)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (SubjectOf(user) is not { } subject)
            return null;
        var token = new byte[PayloadLength + MacLength];
        photoId.TryWriteBytes(token.AsSpan(0, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(token.AsSpan(16), _time.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds());
        token[24] = (byte)audience;
        SubjectHash(subject).CopyTo(token.AsSpan(25));
        HMACSHA256.HashData(_key, token.AsSpan(0, PayloadLength))[..MacLength].CopyTo(token.AsSpan(PayloadLength));
        return RoutePrefix + Base64Url(token);
    }

    /// <summary>The photo and audience a token names, when it is intact, unexpired and made for <paramref name="user"/>.</summary>
    public (Guid PhotoId, PhotoAudience Audience)? Open(string token, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (token is not { Length: 44 + 22 } || FromBase64Url(token) is not { Length: PayloadLength + MacLength } bytes)
            return null;
        var expected = HMACSHA256.HashData(_key, bytes.AsSpan(0, PayloadLength))[..MacLength];
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(PayloadLength)))
            return null;
        if (DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(16))) < _time.GetUtcNow())
            return null;
        if (SubjectOf(user) is not { } subject || !CryptographicOperations.FixedTimeEquals(SubjectHash(subject), bytes.AsSpan(25, 8)))
            return null;
        var audience = (PhotoAudience)bytes[24];
        return Enum.IsDefined(audience) ? (new Guid(bytes.AsSpan(0, 16), bigEndian: true), audience) : null;
    }

    // The terminal id for a terminal, the account id for an officer or holder: a link follows one caller.
    private static string? SubjectOf(ClaimsPrincipal user) =>
        user.FindFirstValue(PermitClaims.TerminalId) is { Length: > 0 } terminal ? "terminal:" + terminal
        : user.FindFirstValue(PermitClaims.Subject) is { Length: > 0 } subject ? "sub:" + subject
        : null;

    private static byte[] SubjectHash(string subject) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(subject))[..8];

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        var buffer = new byte[PayloadLength + MacLength + 2];
        return Convert.TryFromBase64String(padded, buffer, out var written) ? buffer[..written] : null;
    }
}

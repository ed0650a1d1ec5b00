using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Permit.Api.Audit;

/// <summary>
/// One line of the checkpoint log: the chain head (sequence and hash) at a moment, signed with the audit checkpoint
/// key. JSON per line: <c>{"v":"permit-audit-checkpoint/1","sequence":N,"hash":"…","at":"…Z","kid":"…","sig":"…"}</c>;
/// the signature (ES256, r‖s, base64) covers <c>v\nsequence\nhash\nat</c>. Whoever can write the database cannot
/// forge one, so a chain cut below a checkpoint or recomputed under it no longer matches.
/// </summary>
public sealed record AuditCheckpoint(
    [property: JsonPropertyName("v")] string Version,
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("kid")] string KeyId,
    [property: JsonPropertyName("sig")] string Signature)
{
    public const string CurrentVersion = "permit-audit-checkpoint/1";

    public static AuditCheckpoint Sign(long sequence, string hash, DateTimeOffset at, AuditCheckpointKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var when = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var signature = key.Sign(SignedContent(CurrentVersion, sequence, hash, when));
        return new AuditCheckpoint(CurrentVersion, sequence, hash, when, key.KeyId, Convert.ToBase64String(signature));
    }

    public bool IsSignedBy(AuditCheckpointKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Version != CurrentVersion || KeyId != key.KeyId)
            return false;
        var signature = new byte[64];
        return Convert.TryFromBase64String(Signature, signature, out var length) && length == 64
            && key.Verify(SignedContent(Version, Sequence, Hash, At), signature);
    }

    public string ToLine() => JsonSerializer.Serialize(this);

    /// <summary>The checkpoint on <paramref name="line"/>, or null when the line is not one.</summary>
    public static AuditCheckpoint? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<AuditCheckpoint>(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static byte[] SignedContent(string version, long sequence, string hash, string at) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{version}\n{sequence}\n{hash}\n{at}"));
}

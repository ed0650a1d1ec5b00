using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Permit.Api.Audit;

/// <summary>
/// The bytes an audit entry's hash covers: a compact JSON array, fields in a fixed order, nulls as <c>null</c>,
/// the time as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>:
/// <c>["permit-audit/1", sequence, id, occurredAt, actorId, actorName, actorRole, terminal, action, residentId, purpose, previousHash]</c>.
/// JSON string escaping makes the form unambiguous whatever the fields contain.
/// </summary>
public static class AuditCanonicalForm
{
    public const string Version = "permit-audit/1";

    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string GenesisHash = new('0', AuditEntry.HashLength);

    public static byte[] Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Write(entry).ToArray();
    }

    public static string HashOf(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Write(entry), hash);
        return Convert.ToHexStringLower(hash);
    }

    // One buffer and writer per thread, reused entry after entry: a bulk report links 50,000 entries in one go.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_json;

    /// <summary>The canonical form in this thread's buffer, valid until the next call on the thread.</summary>
    private static ReadOnlySpan<byte> Write(AuditEntry entry)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(512);
        buffer.ResetWrittenCount();
        var json = t_json ??= new Utf8JsonWriter(buffer);
        json.Reset(buffer);
        Span<char> text = stackalloc char[36];
        json.WriteStartArray();
        json.WriteStringValue(Version);
        json.WriteNumberValue(entry.Sequence);
        json.WriteStringValue(Formatted(entry.Id, text));
        json.WriteStringValue(Formatted(entry.OccurredAt, text));
        WriteNullable(json, entry.ActorId);
        WriteNullable(json, entry.ActorName);
        WriteNullable(json, entry.ActorRole);
        WriteNullable(json, entry.Terminal);
        json.WriteStringValue(entry.Action);
        if (entry.ResidentId is { } resident)
            json.WriteStringValue(Formatted(resident, text));
        else
            json.WriteNullValue();
        WriteNullable(json, entry.Purpose);
        json.WriteStringValue(entry.PreviousHash);
        json.WriteEndArray();
        json.Flush();
        return buffer.WrittenSpan;
    }

    private static ReadOnlySpan<char> Formatted(Guid id, Span<char> text) =>
        id.TryFormat(text, out var written, "D") ? text[..written] : throw new InvalidOperationException("A GUID is 36 characters.");

    private static ReadOnlySpan<char> Formatted(DateTimeOffset at, Span<char> text) =>
        at.UtcDateTime.TryFormat(text, out var written, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)
            ? text[..written]
            : throw new InvalidOperationException("The time does not fit its canonical form.");

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
            json.WriteNullValue();
        else
            json.WriteStringValue(value);
    }
}

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
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(Version);
            json.WriteNumberValue(entry.Sequence);
            json.WriteStringValue(entry.Id.ToString("D"));
            json.WriteStringValue(entry.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            WriteNullable(json, entry.ActorId);
            WriteNullable(json, entry.ActorName);
            WriteNullable(json, entry.ActorRole);
            WriteNullable(json, entry.Terminal);
            json.WriteStringValue(entry.Action);
            WriteNullable(json, entry.ResidentId?.ToString("D"));
            WriteNullable(json, entry.Purpose);
            json.WriteStringValue(entry.PreviousHash);
            json.WriteEndArray();
        }

        return buffer.ToArray();
    }

    public static string HashOf(AuditEntry entry) => Convert.ToHexStringLower(SHA256.HashData(Of(entry)));

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
            json.WriteNullValue();
        else
            json.WriteStringValue(value);
    }
}

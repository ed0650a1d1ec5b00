using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Permit.Domain.Credentials.Signing;

namespace Permit.Domain.Credentials.Agents;

/// <summary>
/// The agent ticket on the wire: a compact JWS (RFC 7515) signed ES256 with the API's ticket key, i.e.
/// <c>BASE64URL(header) "." BASE64URL(payload) "." BASE64URL(r ‖ s)</c>. The header is exactly
/// <c>{"alg":"ES256","typ":"permit-agent-ticket","kid":"&lt;16 hex&gt;"}</c>; the payload names version, id, agent,
/// operation, holder, issue and expiry times (and permit and card for <c>personalize</c>). docs/agent-tickets.md
/// gives it byte for byte.
/// </summary>
public static class AgentTicketCodec
{
    public const string Type = "permit-agent-ticket";
    public const int Version = 1;

    /// <summary>A ticket is a few hundred characters; anything longer is refused before it is parsed.</summary>
    public const int MaxLength = 2048;

    /// <summary>How far the agent's clock may be behind or ahead of the API's.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    public static string Sign(AgentTicket ticket, ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(key);
        var header = $"{{\"alg\":\"ES256\",\"typ\":\"{Type}\",\"kid\":\"{IssuerKeyId.ToHex(IssuerKeyId.FromKey(key))}\"}}";
        var payload = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{{\"ver\":{Version},\"jti\":\"{ticket.Id}\",\"agt\":\"{ticket.AgentId:D}\",\"op\":\"{ticket.Operation}\"")
            .Append(CultureInfo.InvariantCulture, $",\"hld\":\"{(ticket.Kind == AgentTicketHolder.Officer ? "officer" : "terminal")}\",\"sub\":\"{ticket.Subject:D}\"");
        if (ticket.PermitNumber is { } permit)
            payload.Append(CultureInfo.InvariantCulture, $",\"pmt\":{JsonSerializer.Serialize(permit)},\"seq\":{ticket.CardSequence}");
        payload.Append(CultureInfo.InvariantCulture, $",\"iat\":{ticket.IssuedAt.ToUnixTimeSeconds()},\"exp\":{ticket.ExpiresAt.ToUnixTimeSeconds()}}}");
        var signingInput = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header)) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToString()));
        var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>
    /// Checks the signature against <paramref name="key"/> (the key pinned at pairing, never one the ticket names), then
    /// the form and the times. Whether the ticket is for this agent and this operation is the caller's check.
    /// </summary>
    public static TicketRead Verify(string? text, ECDsa key, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (string.IsNullOrEmpty(text))
            return TicketRead.Refused("missing");
        if (text.Length > MaxLength)
            return TicketRead.Refused("too-long");
        var parts = text.Split('.');
        if (parts.Length != 3)
            return TicketRead.Refused("malformed");
        byte[] header, payload, signature;
        try
        {
            header = Base64Url.DecodeFromChars(parts[0]);
            payload = Base64Url.DecodeFromChars(parts[1]);
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException)
        {
            return TicketRead.Refused("malformed");
        }

        if (signature.Length != P256.SignatureLength
            || !key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            return TicketRead.Refused("bad-signature");

        try
        {
            using var h = JsonDocument.Parse(header);
            if (Text(h.RootElement, "alg") != "ES256" || Text(h.RootElement, "typ") != Type)
                return TicketRead.Refused("malformed");
            using var p = JsonDocument.Parse(payload);
            var claims = p.RootElement;
            if (!claims.TryGetProperty("ver", out var ver) || ver.ValueKind != JsonValueKind.Number || ver.GetInt32() != Version)
                return TicketRead.Refused("unknown-version");
            var op = Text(claims, "op");
            if (!AgentOperations.IsKnown(op))
                return TicketRead.Refused("unknown-operation");
            var holder = Text(claims, "hld") switch
            {
                "officer" => AgentTicketHolder.Officer,
                "terminal" => (AgentTicketHolder?)AgentTicketHolder.Terminal,
                _ => null,
            };
            if (holder is null || !Guid.TryParseExact(Text(claims, "agt"), "D", out var agent) || !Guid.TryParseExact(Text(claims, "sub"), "D", out var subject)
                || Text(claims, "jti") is not { Length: 32 } id || !claims.TryGetProperty("iat", out var iat) || !claims.TryGetProperty("exp", out var exp))
                return TicketRead.Refused("malformed");
            var issuedAt = DateTimeOffset.FromUnixTimeSeconds(iat.GetInt64());
            var expiresAt = DateTimeOffset.FromUnixTimeSeconds(exp.GetInt64());
            if (expiresAt <= issuedAt || expiresAt - issuedAt > AgentTicket.MaxLifetime)
                return TicketRead.Refused("lifetime-too-long");
            if (now >= expiresAt + ClockSkew)
                return TicketRead.Refused("expired");
            if (issuedAt > now + ClockSkew)
                return TicketRead.Refused("not-yet-valid");
            var permit = Text(claims, "pmt");
            int? sequence = claims.TryGetProperty("seq", out var seq) && seq.ValueKind == JsonValueKind.Number ? seq.GetInt32() : null;
            if ((op == AgentOperations.Personalize) != (permit is not null && sequence is > 0))
                return TicketRead.Refused("malformed");
            return new TicketRead(new AgentTicket(id, agent, op!, holder.Value, subject, issuedAt, expiresAt, permit, sequence), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            return TicketRead.Refused("malformed");
        }
    }

    /// <summary>A fresh ticket id: 16 random bytes, lower-case hex.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>A verified ticket, or why it was refused (<c>missing</c>, <c>bad-signature</c>, <c>expired</c>, …).</summary>
public sealed record TicketRead(AgentTicket? Ticket, string? Error)
{
    public bool IsValid => Ticket is not null;

    public static TicketRead Refused(string error) => new(null, error);
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Permit.Domain.Credentials.Agents;

namespace Permit.Domain.Tests.Credentials.Agents;

public sealed class AgentTicketCodecTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly Guid Agent = Guid.Parse("01930000-0000-7000-8000-000000000001");

    // TEST KEY ONLY.
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    [Fact]
    public void A_signed_ticket_verifies_with_the_same_key_and_reads_back_every_field()
    {
        var text = Sign(AgentOperations.Personalize, "330211202600000019", 2);

        var read = AgentTicketCodec.Verify(text, _key, Now.AddSeconds(10));

        Assert.True(read.IsValid, read.Error);
        Assert.Equal(Agent, read.Ticket!.AgentId);
        Assert.Equal("330211202600000019", read.Ticket.PermitNumber);
        Assert.Equal(2, read.Ticket.CardSequence);
        Assert.Equal(Now.AddMinutes(2), read.Ticket.ExpiresAt);
    }

    [Fact]
    public void The_header_is_exactly_the_documented_bytes()
    {
        var header = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(Sign(AgentOperations.ReadId).Split('.')[0]));

        Assert.Matches("^\\{\"alg\":\"ES256\",\"typ\":\"permit-agent-ticket\",\"kid\":\"[0-9a-f]{16}\"\\}$", header);
    }

    [Fact]
    public void A_ticket_is_refused_once_expired_beyond_the_allowed_clock_skew()
    {
        var text = Sign(AgentOperations.ReadId);

        Assert.True(AgentTicketCodec.Verify(text, _key, Now.AddMinutes(2).AddSeconds(29)).IsValid);
        Assert.Equal("expired", AgentTicketCodec.Verify(text, _key, Now.AddMinutes(2).AddSeconds(30)).Error);
        Assert.Equal("not-yet-valid", AgentTicketCodec.Verify(text, _key, Now.AddMinutes(-1)).Error);
    }

    [Fact]
    public void A_changed_payload_or_another_key_fails_the_signature()
    {
        var parts = Sign(AgentOperations.ReadId).Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[1])).Replace("read-id", "personalize", StringComparison.Ordinal);
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload))}.{parts[2]}";
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        Assert.Equal("bad-signature", AgentTicketCodec.Verify(tampered, _key, Now).Error);
        Assert.Equal("bad-signature", AgentTicketCodec.Verify(string.Join('.', parts), other, Now).Error);
        Assert.Equal("malformed", AgentTicketCodec.Verify("a.b", _key, Now).Error);
        Assert.Equal("missing", AgentTicketCodec.Verify("", _key, Now).Error);
    }

    [Fact]
    public void A_ticket_living_longer_than_two_minutes_cannot_be_made()
    {
        Assert.Throws<ArgumentException>(() => new AgentTicket(AgentTicketCodec.NewId(), Agent, AgentOperations.ReadId, AgentTicketHolder.Officer,
            Guid.NewGuid(), Now, Now.AddMinutes(3)));
        Assert.Throws<ArgumentException>(() => new AgentTicket(AgentTicketCodec.NewId(), Agent, AgentOperations.Personalize, AgentTicketHolder.Officer,
            Guid.NewGuid(), Now, Now.AddMinutes(1)));
    }

    [Fact]
    public void Sealed_card_files_open_only_with_the_recipients_key_and_not_after_a_changed_byte()
    {
        using var api = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        using var other = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var plaintext = Encoding.UTF8.GetBytes("{\"permit\":\"AQID\"}");

        var box = SealedCardFiles.Seal(plaintext, api);
        var changed = box[..^2] + (box[^2] == 'A' ? 'B' : 'A') + box[^1];

        Assert.StartsWith("PS1.", box, StringComparison.Ordinal);
        Assert.Equal(plaintext, SealedCardFiles.Open(box, api));
        Assert.Null(SealedCardFiles.Open(box, other));
        Assert.Null(SealedCardFiles.Open(changed, api));
    }

    public void Dispose() => _key.Dispose();

    private string Sign(string operation, string? permit = null, int? sequence = null) => AgentTicketCodec.Sign(
        new AgentTicket(AgentTicketCodec.NewId(), Agent, operation, AgentTicketHolder.Officer, Guid.NewGuid(), Now, Now.AddMinutes(2), permit, sequence), _key);
}

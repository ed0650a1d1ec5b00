using Permit.CardAgent.Tests.Cards;
using Permit.HardwareSim.Cards;
using static Permit.CardAgent.Tests.Cards.PhotoCards;

namespace Permit.CardAgent.Tests.Attacks;

/// <summary>A card that lies about its photo's size, or answers more or fewer bytes than asked, gets no photo accepted.</summary>
public class HostilePhotoCardTests
{
    [Fact]
    public void A_card_claiming_a_60_KB_photo_is_refused_before_the_agent_asks_for_it()
    {
        // 5F 2E 82 EA 60: a 60 000-byte JPEG, four times what EF.PHOTO may hold.
        var channel = Hostile((command, response) => IsFirstRead(command) ? [0x5F, 0x2E, 0x82, 0xEA, 0x60, .. response[5..]] : response);
        var session = OpenSession(channel, CardAtr.ExtendedLength.Span);

        var refused = Assert.Throws<CardOperationException>(session.ReadPhotoFile);

        Assert.Equal("file-malformed", refused.Code);
        Assert.Contains("at most 16384", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(channel.Sent, HostileChannel.IsExtendedRead);
    }

    [Fact]
    public void A_card_answering_an_extended_read_with_extra_bytes_has_its_photo_refused()
    {
        var channel = Hostile((command, response) => HostileChannel.IsExtendedRead(command) ? [.. response[..^2], .. new byte[4096], 0x90, 0x00] : response);
        var session = OpenSession(channel, CardAtr.ExtendedLength.Span);

        var refused = Assert.Throws<CardOperationException>(session.ReadPhotoFile);

        Assert.Equal("card-answer-length", refused.Code);
    }

    [Fact]
    public void A_card_answering_an_extended_read_with_fewer_bytes_than_its_photo_declares_has_it_refused()
    {
        var channel = Hostile((command, response) => HostileChannel.IsExtendedRead(command) ? [.. response[..100], 0x90, 0x00] : response);
        var session = OpenSession(channel, CardAtr.ExtendedLength.Span);

        var refused = Assert.Throws<CardOperationException>(session.ReadPhotoFile);

        Assert.Equal("card-answer-length", refused.Code);
    }

    [Fact]
    public void A_card_answering_a_short_read_with_more_bytes_than_asked_has_its_photo_refused()
    {
        var channel = Hostile((command, response) => command is [0x00, 0xB0, _, _, 0x00] ? [.. response[..^2], 0xAA, 0x90, 0x00] : response, extendedLength: false);
        var session = OpenSession(channel, CardAtr.Default.Span);

        var refused = Assert.Throws<CardOperationException>(session.ReadPhotoFile);

        Assert.Equal("card-answer-length", refused.Code);
    }

    private static HostileChannel Hostile(Func<byte[], byte[], byte[]> answer, bool extendedLength = true) =>
        new(ReaderWithPhoto(extendedLength).Connect(), answer);

    /// <summary>The READ BINARY at offset 0 that brings the object's header.</summary>
    private static bool IsFirstRead(byte[] command) => command is [0x00, 0xB0, 0x00, 0x00, ..];
}

using Permit.HardwareSim.Cards;
using static Permit.CardAgent.Tests.Cards.PhotoCards;

namespace Permit.CardAgent.Tests.Cards;

/// <summary>The photo over the in-process reader, with and without extended READ BINARY (docs/permit-card.md, "Extended length").</summary>
public class ExtendedPhotoReadTests
{
    [Fact]
    public void A_card_that_announces_extended_lengths_gives_its_12_KB_photo_in_two_read_binaries()
    {
        var reader = ReaderWithPhoto(extendedLength: true);
        var counting = new CountingChannel(reader.Connect());
        var session = OpenSession(counting, CardAtr.ExtendedLength.Span);
        var before = counting.ApduCount;

        var photo = session.ReadPhotoFile();

        Assert.Equal(Photo, photo);
        Assert.Equal(3, counting.ApduCount - before); // SELECT EF, one short read for the header, one extended read
        Assert.True(session.ExtendedReads);
    }

    [Fact]
    public void A_card_without_extended_lengths_still_gives_the_same_photo_in_short_reads()
    {
        var reader = ReaderWithPhoto(extendedLength: false);
        var counting = new CountingChannel(reader.Connect());
        var session = OpenSession(counting, CardAtr.Default.Span);
        var before = counting.ApduCount;

        var photo = session.ReadPhotoFile();

        Assert.Equal(Photo, photo);
        Assert.Equal(1 + ((Photo.Length + 255) / 256), counting.ApduCount - before);
        Assert.False(session.ExtendedReads);
    }

    [Fact]
    public void A_card_that_announces_extended_lengths_but_refuses_them_still_gives_its_photo_in_short_reads()
    {
        // The ATR says "extended", the card's READ BINARY says 67 00: the agent believes the card's answer.
        var reader = ReaderWithPhoto(extendedLength: false);
        var session = OpenSession(reader.Connect(), CardAtr.ExtendedLength.Span);

        var photo = session.ReadPhotoFile();

        Assert.Equal(Photo, photo);
        Assert.False(session.ExtendedReads);
    }

    [Fact]
    public void The_agent_reads_extended_lengths_only_from_a_compact_TLV_card_capabilities_byte()
    {
        Assert.True(AtrCapabilities.AnnouncesExtendedLength(CardAtr.ExtendedLength.Span));
        Assert.False(AtrCapabilities.AnnouncesExtendedLength(CardAtr.Default.Span));
        Assert.False(AtrCapabilities.AnnouncesExtendedLength([]));
        Assert.False(AtrCapabilities.AnnouncesExtendedLength([0x3B, 0x95]));
        // Historical bytes that are not compact-TLV (category other than 80) say nothing.
        Assert.False(AtrCapabilities.AnnouncesExtendedLength([0x3B, 0x83, 0x00, 0x73, 0xFF]));
    }
}

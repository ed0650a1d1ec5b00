using Permit.Domain.IdCards;
using Permit.Iso7816;

namespace Permit.CardAgent.Cards;

/// <summary>Reads a resident ID card through the PC/SC profile of docs/id-card.md.</summary>
public sealed class IdCardSession(ICardChannel channel)
{
    private const int MaxPhotoSize = 64 * 1024;
    private readonly CardFileReader _files = new(new IsoReader(channel));

    public IdCardRead Read(bool includePhoto = true)
    {
        var select = _files.Send(CommandApdu.Case3(0x00, 0xA4, 0x04, 0x0C, CardApplications.IdCardAid));
        if (select.StatusWord == StatusWords.FileOrApplicationNotFound)
        {
            throw new CardOperationException("not-an-id-card", "This is not an ID card (no ID card application on it).", select.StatusWord);
        }

        if (!select.IsSuccess)
        {
            throw CardFileReader.Unexpected("SELECT", select.StatusWord);
        }

        var text = _files.ReadRawFile(CardApplications.EfIdText, IdCardTextBlock.Length);
        if (text.Length != IdCardTextBlock.Length)
        {
            throw new CardOperationException("id-card-malformed", $"The ID card's text block has {text.Length} bytes instead of {IdCardTextBlock.Length}.");
        }

        var photo = includePhoto ? _files.ReadRawFile(CardApplications.EfIdPhoto, MaxPhotoSize) : [];
        return new IdCardRead(text, photo, PhotoFormatOf(photo));
    }

    /// <summary>Readers deliver the photo decoded (JPEG, BMP) or as the card's 1024-byte WLT block.</summary>
    public static string PhotoFormatOf(ReadOnlySpan<byte> photo) => photo switch
    {
        [] => "none",
        [0xFF, 0xD8, ..] => "jpeg",
        [(byte)'B', (byte)'M', ..] => "bmp",
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "png",
        _ when photo.Length == 1024 => "wlt",
        _ => "unknown",
    };

}

/// <summary>What an ID card gave: the raw text block (decoded by <see cref="IdCardTextBlock"/>) and the photo bytes.</summary>
public sealed record IdCardRead(byte[] TextBlock, byte[] Photo, string PhotoFormat)
{
    public IdCardType CardType => IdCardTextBlock.ReadCardType(TextBlock);
}

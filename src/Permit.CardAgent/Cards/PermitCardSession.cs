using System.Security.Cryptography;
using Permit.Iso7816;

namespace Permit.CardAgent.Cards;

/// <summary>
/// The terminal's side of the permit card application (docs/permit-card.md), one method per card command.
/// Every unexpected answer ends the operation with a <see cref="CardOperationException"/> naming it.
/// </summary>
public sealed class PermitCardSession
{
    public const int MaxPermitSize = 1024;
    public const int MaxPhotoSize = 16384;
    public const int MaxChipKeySize = 72;
    public const int MaxSigSize = 256;

    private const int MaxUpdateChunk = 255;
    private readonly CardFileReader _files;

    public PermitCardSession(ICardChannel channel) => _files = new CardFileReader(new IsoReader(channel));

    /// <summary>A session that reads long files (the photo) with extended APDUs when <paramref name="atr"/> announces them.</summary>
    public PermitCardSession(ICardChannel channel, ReadOnlySpan<byte> atr) =>
        _files = new CardFileReader(new IsoReader(channel), AtrCapabilities.AnnouncesExtendedLength(atr));

    /// <summary>Whether long files are read with extended APDUs (the ATR said so and the card has not refused one).</summary>
    public bool ExtendedReads => _files.ExtendedReads;

    /// <summary>Selects the permit application; a card without it is "not a permit card".</summary>
    public void SelectApplication()
    {
        var response = _files.Send(CommandApdu.Case4(0x00, 0xA4, 0x04, 0x00, CardApplications.PermitAid, 256));
        switch (response.StatusWord)
        {
            case StatusWords.Success:
                return;
            case StatusWords.SelectedFileTerminated:
                throw new CardOperationException("card-terminated", "This permit card has been terminated and can no longer be used.", response.StatusWord);
            case StatusWords.FileOrApplicationNotFound:
                throw new CardOperationException("not-a-permit-card", "This is not a permit card (the card has no permit application).", response.StatusWord);
            default:
                throw CardFileReader.Unexpected("SELECT", response.StatusWord);
        }
    }

    /// <summary>GET DATA: the card's 8-byte serial number (any life-cycle state).</summary>
    public byte[] ReadSerial()
    {
        var response = _files.Send(CommandApdu.Case2(0x00, 0xCA, 0x01, 0x01, 256));
        return response.IsSuccess && response.Data.Length == 8
            ? response.Data.ToArray()
            : throw CardFileReader.Unexpected("GET DATA", response.StatusWord);
    }

    /// <summary>VERIFY with the transport code: opens personalization on a blank card.</summary>
    public void VerifyTransportCode(ReadOnlySpan<byte> transportCode)
    {
        if (transportCode.Length != 8)
        {
            throw new CardOperationException("transport-code-invalid", "A transport code is 8 bytes (16 hexadecimal digits).");
        }

        var response = _files.Send(CommandApdu.Case3(0x00, 0x20, 0x00, 0x01, transportCode));
        if (response.IsSuccess)
        {
            return;
        }

        if (StatusWords.IsVerificationFailed(response.StatusWord, out var triesLeft))
        {
            throw new CardOperationException("transport-code-wrong",
                $"The transport code is wrong; {triesLeft} {(triesLeft == 1 ? "try" : "tries")} left before the card is blocked for good.",
                response.StatusWord) { TriesLeft = triesLeft };
        }

        throw response.StatusWord switch
        {
            StatusWords.AuthenticationMethodBlocked => new CardOperationException("transport-code-blocked",
                "The card's transport code is blocked after three wrong tries; this card cannot be personalized.", response.StatusWord),
            StatusWords.ConditionsOfUseNotSatisfied => new CardOperationException("card-not-blank",
                "The card is already personalized (not blank).", response.StatusWord),
            _ => CardFileReader.Unexpected("VERIFY", response.StatusWord),
        };
    }

    /// <summary>GENERATE ASYMMETRIC KEY PAIR: the card makes its P-256 key; returns EF.CHIPKEY as stored.</summary>
    public byte[] GenerateKeyPair()
    {
        var response = _files.Send(CommandApdu.Case2(0x00, 0x46, 0x00, 0x00, 256));
        return response.IsSuccess ? response.Data.ToArray() : throw CardFileReader.Unexpected("GENERATE KEY PAIR", response.StatusWord);
    }

    /// <summary>Writes a whole file with successive UPDATE BINARY commands of at most 255 bytes.</summary>
    public void WriteFile(ushort fid, ReadOnlySpan<byte> content)
    {
        if (!_files.SelectFile(fid))
        {
            throw new CardOperationException("file-missing", $"The card has no file {fid:X4}.");
        }

        for (var offset = 0; offset < content.Length; offset += MaxUpdateChunk)
        {
            var chunk = content.Slice(offset, Math.Min(MaxUpdateChunk, content.Length - offset));
            var response = _files.Send(CommandApdu.Case3(0x00, 0xD6, (byte)(offset >> 8), (byte)offset, chunk));
            if (!response.IsSuccess)
            {
                throw CardFileReader.Unexpected("UPDATE BINARY", response.StatusWord);
            }
        }
    }

    public byte[] ReadPermitFile() => _files.ReadTlvFile(CardApplications.EfPermit, MaxPermitSize);

    public byte[] ReadPhotoFile() => _files.ReadTlvFile(CardApplications.EfPhoto, MaxPhotoSize);

    public byte[] ReadChipKeyFile() => _files.ReadTlvFile(CardApplications.EfChipKey, MaxChipKeySize);

    public byte[] ReadSigFile() => _files.ReadTlvFile(CardApplications.EfSig, MaxSigSize);

    /// <summary>ACTIVATE: ends personalization; from now on the card only reads and authenticates.</summary>
    public void Activate()
    {
        var response = _files.Send(CommandApdu.Case1(0x00, 0x44, 0x00, 0x00));
        if (!response.IsSuccess)
        {
            throw CardFileReader.Unexpected("ACTIVATE", response.StatusWord);
        }
    }

    /// <summary>INTERNAL AUTHENTICATE: the chip signs "PERMIT-AA1" ‖ challenge; returns r‖s.</summary>
    public byte[] InternalAuthenticate(ReadOnlySpan<byte> challenge)
    {
        var response = _files.Send(CommandApdu.Case4(0x00, 0x88, 0x00, 0x00, challenge, 256));
        return response.StatusWord switch
        {
            StatusWords.Success when response.Data.Length == 64 => response.Data.ToArray(),
            StatusWords.ConditionsOfUseNotSatisfied => throw new CardOperationException("card-not-active",
                "The card is not active: it was never finished or has been terminated.", response.StatusWord),
            _ => throw CardFileReader.Unexpected("INTERNAL AUTHENTICATE", response.StatusWord),
        };
    }

    /// <summary>A fresh 16-byte challenge for active authentication.</summary>
    public static byte[] NewChallenge() => RandomNumberGenerator.GetBytes(16);

    /// <summary>TERMINATE: the card refuses everything afterwards.</summary>
    public void Terminate()
    {
        var response = _files.Send(CommandApdu.Case1(0x00, 0xE6, 0x00, 0x00));
        if (!response.IsSuccess)
        {
            throw CardFileReader.Unexpected("TERMINATE", response.StatusWord);
        }
    }
}

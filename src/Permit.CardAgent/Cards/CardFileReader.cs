using Permit.Iso7816;
using Permit.Iso7816.Tlv;

namespace Permit.CardAgent.Cards;

/// <summary>
/// SELECT EF and READ BINARY as both card applications answer them: short APDUs always, and one extended READ
/// BINARY for the rest of a long file when <paramref name="extendedReads"/> (the card's ATR announces extended
/// lengths). Every answer must carry exactly what was asked (fewer only with "end of file"), so a hostile card can
/// neither slip extra bytes in nor make the agent read past a file's limit.
/// </summary>
internal sealed class CardFileReader(IsoReader reader, bool extendedReads = false)
{
    private const int MaxShortRead = 256;

    /// <summary>The largest extended Le the permit card takes (docs/permit-card.md, "Extended length").</summary>
    private const int MaxExtendedRead = 32767;

    private bool _extendedReads = extendedReads;

    /// <summary>Whether long files are still read with extended APDUs (false after a card refused one).</summary>
    public bool ExtendedReads => _extendedReads;

    public ResponseApdu Send(CommandApdu command) => reader.Transmit(command);

    /// <summary>Selects an EF under the current application; false when the card has no such file.</summary>
    public bool SelectFile(ushort fid)
    {
        var response = Send(CommandApdu.Case3(0x00, 0xA4, 0x02, 0x0C, [(byte)(fid >> 8), (byte)fid]));
        return response.StatusWord switch
        {
            StatusWords.Success => true,
            StatusWords.FileOrApplicationNotFound => false,
            _ => throw Unexpected("SELECT EF", response.StatusWord),
        };
    }

    /// <summary>
    /// Reads the one BER-TLV object an EF holds, stopping as soon as its outer length is satisfied, so a 200-byte
    /// file costs one READ BINARY. A never-written EF reads as empty.
    /// </summary>
    public byte[] ReadTlvFile(ushort fid, int maxSize)
    {
        if (!SelectFile(fid))
        {
            throw new CardOperationException("file-missing", $"The card has no file {fid:X4}.");
        }

        var content = new List<byte>();
        int? total = null;
        while (total is null || content.Count < total)
        {
            var left = total is { } t ? t - content.Count : MaxShortRead;
            if (left > MaxShortRead && _extendedReads && TryReadExtended(content.Count, Math.Min(left, MaxExtendedRead)) is { } rest)
            {
                content.AddRange(rest);
                continue;
            }

            var want = Math.Min(MaxShortRead, left);
            var chunk = ReadChunk(content.Count, want, out var endOfFile);
            content.AddRange(chunk);
            total ??= ObjectLength(content, maxSize);
            if (endOfFile || chunk.Length == 0)
            {
                break;
            }
        }

        if (total is { } length && content.Count < length)
        {
            throw new CardOperationException("file-truncated", $"File {fid:X4} ends after {content.Count} of its {length} bytes.");
        }

        return total is { } whole ? [.. content.Take(whole)] : [.. content];
    }

    /// <summary>Reads a raw file to its end (the ID card's EFs hold raw bytes, not TLV).</summary>
    public byte[] ReadRawFile(ushort fid, int maxSize)
    {
        if (!SelectFile(fid))
        {
            throw new CardOperationException("file-missing", $"The card has no file {fid:X4}.");
        }

        var content = new List<byte>();
        while (content.Count < maxSize)
        {
            var chunk = ReadChunk(content.Count, Math.Min(MaxShortRead, maxSize - content.Count), out var endOfFile);
            content.AddRange(chunk);
            if (endOfFile || chunk.Length == 0)
            {
                break;
            }
        }

        return [.. content];
    }

    /// <summary>
    /// One extended READ BINARY for <paramref name="length"/> bytes, which a file's own length says are there: the
    /// card must answer all of them with <c>90 00</c>. Null when the card (or the reader) turns extended lengths
    /// down; the caller then goes on with short reads for the rest of the session.
    /// </summary>
    private byte[]? TryReadExtended(int offset, int length)
    {
        if (offset > 0x7FFF)
        {
            throw new CardOperationException("file-too-large", "The file is larger than READ BINARY offsets can address.");
        }

        var command = new CommandApdu(IsoCase.Case2Extended, 0x00, 0xB0, (byte)(offset >> 8), (byte)offset, default, length);
        var response = Send(command);
        switch (response.StatusWord)
        {
            case StatusWords.Success when response.Data.Length == length:
                return response.Data.ToArray();
            case StatusWords.Success or StatusWords.EndOfFileReached:
                throw WrongAmount(length, response.Data.Length);
            case StatusWords.WrongLength or StatusWords.InstructionNotSupported or StatusWords.ClassNotSupported
                or StatusWords.IncorrectP1P2 or StatusWords.FunctionNotSupported:
                // Announced but not honoured (or a reader that strips it): short reads still work.
                _extendedReads = false;
                return null;
            default:
                throw Unexpected("READ BINARY", response.StatusWord);
        }
    }

    private static CardOperationException WrongAmount(int asked, int answered) =>
        new("card-answer-length", $"The card answered READ BINARY with {answered} bytes where {asked} were asked; the file is refused.");

    private byte[] ReadChunk(int offset, int length, out bool endOfFile)
    {
        if (offset > 0x7FFF)
        {
            throw new CardOperationException("file-too-large", "The file is larger than READ BINARY offsets can address.");
        }

        var response = Send(CommandApdu.Case2(0x00, 0xB0, (byte)(offset >> 8), (byte)offset, length));
        switch (response.StatusWord)
        {
            case StatusWords.Success when response.Data.Length == length:
                endOfFile = false;
                return response.Data.ToArray();
            case StatusWords.Success:
                throw WrongAmount(length, response.Data.Length);
            case StatusWords.EndOfFileReached when response.Data.Length >= length:
                throw WrongAmount(length, response.Data.Length);
            case StatusWords.EndOfFileReached:
                endOfFile = true;
                return response.Data.ToArray();
            case StatusWords.WrongP1P2:
                // Offset at or past the end: an empty file at offset 0, or a file that ended exactly on a chunk.
                endOfFile = true;
                return [];
            default:
                throw Unexpected("READ BINARY", response.StatusWord);
        }
    }

    /// <summary>The whole length (tag, length and value) of the object at the start, once enough bytes are in.</summary>
    private static int? ObjectLength(List<byte> content, int maxSize)
    {
        if (content.Count == 0)
        {
            return 0;
        }

        var head = content.Take(8).ToArray();
        if (!TlvReader.TryReadTag(head, out _, out var tagLength) || tagLength >= head.Length)
        {
            throw new CardOperationException("file-malformed", "The file does not start with a BER-TLV object.");
        }

        var first = head[tagLength];
        int lengthOfLength, valueLength;
        switch (first)
        {
            case < 0x80:
                (lengthOfLength, valueLength) = (1, first);
                break;
            case 0x81 when head.Length > tagLength + 1:
                (lengthOfLength, valueLength) = (2, head[tagLength + 1]);
                break;
            case 0x82 when head.Length > tagLength + 2:
                (lengthOfLength, valueLength) = (3, (head[tagLength + 1] << 8) | head[tagLength + 2]);
                break;
            default:
                throw new CardOperationException("file-malformed", "The file's BER-TLV length is not a definite short form.");
        }

        var total = tagLength + lengthOfLength + valueLength;
        return total <= maxSize
            ? total
            : throw new CardOperationException("file-malformed", $"The file claims {total} bytes; at most {maxSize} fit.");
    }

    public static CardOperationException Unexpected(string command, int statusWord) =>
        new("card-answered", $"The card answered {command} with {statusWord:X4} ({StatusWords.Describe(statusWord)}).", statusWord);
}

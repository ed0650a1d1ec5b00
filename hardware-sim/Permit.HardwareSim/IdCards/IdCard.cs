namespace Permit.HardwareSim.IdCards;

/// <summary>
/// A resident ID card behind a SAM reader that exposes the decoded data as a card application
/// (docs/id-card.md, "PC/SC profile"). Read-only; SELECT and READ BINARY answer as on the permit card.
/// </summary>
public sealed class IdCard : IEmulatedCard
{
    public const ushort TextFile = 0x0001;
    public const ushort PhotoFile = 0x0002;
    public const ushort FingerprintFile = 0x0003;

    /// <summary>READ BINARY offsets are 15 bits, so no EF can be read beyond this size.</summary>
    public const int MaxFileSize = 0x8000;

    private readonly Lock _gate = new();
    private readonly Dictionary<ushort, byte[]> _files;
    private bool _applicationSelected;
    private ushort? _currentEf;

    /// <param name="textBlock">The 256-byte text block (<see cref="IdCardTextBlock.Encode"/>).</param>
    /// <param name="photo">Photo bytes as a reader delivers them (JPEG, BMP or WLT); empty reads <c>6B 00</c>.</param>
    /// <param name="fingerprint">The fingerprint block, or null for a card without one (EF 0003 is then not found).</param>
    public IdCard(ReadOnlySpan<byte> textBlock, ReadOnlySpan<byte> photo, byte[]? fingerprint = null)
    {
        if (textBlock.Length != IdCardTextBlock.Length)
        {
            throw new ArgumentException("The ID card text block is 256 bytes.", nameof(textBlock));
        }

        if (photo.Length > MaxFileSize || fingerprint?.Length > MaxFileSize)
        {
            throw new ArgumentException($"An ID card EF is readable only up to {MaxFileSize} bytes.", nameof(photo));
        }

        _files = new Dictionary<ushort, byte[]> { [TextFile] = textBlock.ToArray(), [PhotoFile] = photo.ToArray() };
        if (fingerprint is not null)
        {
            _files[FingerprintFile] = fingerprint;
        }
    }

    /// <summary>F0 ‖ ASCII "IDCARD" ‖ 01.</summary>
    public static ReadOnlyMemory<byte> Aid { get; } = new byte[] { 0xF0, 0x49, 0x44, 0x43, 0x41, 0x52, 0x44, 0x01 };

    public ReadOnlyMemory<byte> Atr => CardAtr.Default;

    /// <summary>The card described by a JSON data file and optional photo / fingerprint files.</summary>
    /// <exception cref="InvalidDataException">A file is not what it should be.</exception>
    public static IdCard FromFiles(string dataPath, string? photoPath = null, string? fingerprintPath = null)
    {
        var text = IdCardTextBlock.Encode(IdCardData.Load(dataPath));
        var photo = photoPath is null ? [] : ReadLimited(photoPath);
        var fingerprint = fingerprintPath is null ? null : ReadLimited(fingerprintPath);
        return new IdCard(text, photo, fingerprint);
    }

    private static byte[] ReadLimited(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.Length <= MaxFileSize
            ? bytes
            : throw new InvalidDataException($"{path} is over {MaxFileSize} bytes, more than READ BINARY can address.");
    }

    public void Reset()
    {
        lock (_gate)
        {
            _applicationSelected = false;
            _currentEf = null;
        }
    }

    public void PowerOff() => Reset();

    public byte[] Process(ReadOnlySpan<byte> command)
    {
        var apdu = CommandApdu.Parse(command);
        lock (_gate)
        {
            if (apdu.Cla != 0x00)
            {
                return StatusWords.Respond(StatusWords.ClaNotSupported);
            }

            return apdu.Ins switch
            {
                BinaryFileAccess.InsSelect => Select(apdu),
                BinaryFileAccess.InsReadBinary => ReadBinary(apdu),
                _ => StatusWords.Respond(StatusWords.InsNotSupported),
            };
        }
    }

    private byte[] Select(CommandApdu apdu)
    {
        if (apdu.P1 == 0x04)
        {
            if (!BinaryFileAccess.IsSupportedSelectP2(apdu.P2))
            {
                return StatusWords.Respond(StatusWords.IncorrectP1P2);
            }

            if (!apdu.IsWellFormed || !apdu.HasData)
            {
                return StatusWords.Respond(StatusWords.WrongLength);
            }

            if (!apdu.Data.SequenceEqual(Aid.Span))
            {
                return StatusWords.Respond(StatusWords.FileNotFound);
            }

            _applicationSelected = true;
            _currentEf = null;
            return StatusWords.Respond(StatusWords.Ok);
        }

        if (apdu.P1 != 0x02)
        {
            return StatusWords.Respond(StatusWords.IncorrectP1P2);
        }

        if (!_applicationSelected)
        {
            return StatusWords.Respond(StatusWords.CommandNotAllowed);
        }

        if (!BinaryFileAccess.IsSupportedSelectP2(apdu.P2))
        {
            return StatusWords.Respond(StatusWords.IncorrectP1P2);
        }

        if (BinaryFileAccess.SelectedFid(apdu) is not { } fid)
        {
            return StatusWords.Respond(StatusWords.WrongLength);
        }

        if (!_files.ContainsKey(fid))
        {
            return StatusWords.Respond(StatusWords.FileNotFound);
        }

        _currentEf = fid;
        return StatusWords.Respond(StatusWords.Ok);
    }

    private byte[] ReadBinary(CommandApdu apdu)
    {
        if (!_applicationSelected)
        {
            return StatusWords.Respond(StatusWords.ConditionsNotSatisfied);
        }

        return _currentEf is { } fid
            ? BinaryFileAccess.ReadBinary(apdu, _files[fid])
            : StatusWords.Respond(StatusWords.CommandNotAllowed);
    }
}

using System.Security.Cryptography;

namespace Permit.HardwareSim.PermitCards;

/// <summary>
/// The permit card application of docs/permit-card.md, answering byte for byte.
/// Checks run in the spec's order: CLA, INS, life-cycle state (application selected, BLANK/PERSONALIZING/ACTIVE/
/// TERMINATED, current EF), then P1/P2, then lengths, then the command's own conditions.
/// Every change to persistent state is saved to the card file (when there is one) before the card answers.
/// </summary>
public sealed partial class PermitCard : IEmulatedCard
{
    private const byte InsVerify = 0x20;
    private const byte InsActivate = 0x44;
    private const byte InsGenerateKeyPair = 0x46;
    private const byte InsInternalAuthenticate = 0x88;
    private const byte InsGetData = 0xCA;
    private const byte InsUpdateBinary = 0xD6;
    private const byte InsTerminate = 0xE6;

    private readonly Lock _gate = new();
    private readonly PermitCardState _state;
    private readonly string? _cardFilePath;

    // Volatile state: lost on power-off and reset.
    private bool _applicationSelected;
    private ushort? _currentEf;
    private bool _transportCodeVerified;

    private PermitCard(PermitCardState state, string? cardFilePath)
    {
        _state = state;
        _cardFilePath = cardFilePath;
    }

    /// <summary>The ASCII transport code <c>12345678</c> that permit-sim gives a new card unless told otherwise.</summary>
    public static ReadOnlyMemory<byte> DefaultTransportCode { get; } = "12345678"u8.ToArray();

    /// <summary>
    /// Whether the card takes extended-length READ BINARY and says so in its ATR (docs/permit-card.md, "Extended
    /// length"). On by default, so the photo reads in two APDUs; off emulates an older card that takes short APDUs only.
    /// </summary>
    public bool ExtendedLength { get; set; } = true;

    public ReadOnlyMemory<byte> Atr => ExtendedLength ? CardAtr.ExtendedLength : CardAtr.Default;

    /// <summary>The life cycle as a reader would see it now (PERSONALIZING while the transport code is verified).</summary>
    public CardLifeCycle LifeCycle
    {
        get
        {
            lock (_gate)
            {
                return EffectiveLifeCycle;
            }
        }
    }

    public int TransportTriesLeft
    {
        get
        {
            lock (_gate)
            {
                return _state.TransportTriesLeft;
            }
        }
    }

    private CardLifeCycle EffectiveLifeCycle =>
        _state.LifeCycle == CardLifeCycle.Blank && _transportCodeVerified ? CardLifeCycle.Personalizing : _state.LifeCycle;

    /// <summary>A new BLANK card held in memory only.</summary>
    public static PermitCard CreateBlank(ReadOnlySpan<byte> serial, ReadOnlySpan<byte> transportCode) =>
        new(new PermitCardState(serial.ToArray(), transportCode.ToArray()), cardFilePath: null);

    /// <summary>A new BLANK card stored in <paramref name="cardFilePath"/> (written now, and after every change).</summary>
    public static PermitCard CreateBlank(ReadOnlySpan<byte> serial, ReadOnlySpan<byte> transportCode, string cardFilePath)
    {
        var state = new PermitCardState(serial.ToArray(), transportCode.ToArray());
        PermitCardFile.Save(cardFilePath, state);
        return new PermitCard(state, cardFilePath);
    }

    /// <summary>The card stored in <paramref name="cardFilePath"/>, as it was when last saved.</summary>
    /// <exception cref="InvalidDataException">The file is not a valid card file.</exception>
    public static PermitCard Load(string cardFilePath) => new(PermitCardFile.Load(cardFilePath), cardFilePath);

    /// <summary>Loads the card file, or manufactures a blank card into it when the file does not exist.</summary>
    public static PermitCard OpenOrCreate(string cardFilePath, ReadOnlySpan<byte> transportCode, ReadOnlySpan<byte> serial) =>
        File.Exists(cardFilePath) ? Load(cardFilePath) : CreateBlank(serial, transportCode, cardFilePath);

    /// <summary>
    /// Writes the card as it is now to <paramref name="cardFilePath"/>, a card file that <see cref="Load"/> opens as a card
    /// of its own: the same card carried to another reader. This card keeps its own file, if it has one.
    /// </summary>
    public void SaveCopy(string cardFilePath)
    {
        lock (_gate)
        {
            PermitCardFile.Save(cardFilePath, _state);
        }
    }

    /// <summary>A random 8-byte serial number for a newly manufactured card.</summary>
    public static byte[] NewSerial() => RandomNumberGenerator.GetBytes(8);

    public void Reset()
    {
        lock (_gate)
        {
            ForgetSession();
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

            if (!IsKnownInstruction(apdu.Ins))
            {
                return StatusWords.Respond(StatusWords.InsNotSupported);
            }

            if (_state.LifeCycle == CardLifeCycle.Terminated)
            {
                // Decision: GET DATA's "(any state)" yields to the TERMINATED row's "every other command 69 85";
                // a terminated card is inert except for announcing itself on SELECT.
                return StatusWords.Respond(apdu.Ins == BinaryFileAccess.InsSelect
                    ? StatusWords.SelectedFileTerminated
                    : StatusWords.ConditionsNotSatisfied);
            }

            if (!_applicationSelected && apdu.Ins is not (BinaryFileAccess.InsSelect or InsGetData))
            {
                return StatusWords.Respond(StatusWords.ConditionsNotSatisfied);
            }

            return apdu.Ins switch
            {
                BinaryFileAccess.InsSelect => Select(apdu),
                InsGetData => GetSerial(apdu),
                InsVerify => VerifyTransportCode(apdu),
                BinaryFileAccess.InsReadBinary => ReadBinary(apdu),
                InsUpdateBinary => UpdateBinary(apdu),
                InsGenerateKeyPair => GenerateKeyPair(apdu),
                InsActivate => Activate(apdu),
                InsInternalAuthenticate => InternalAuthenticate(apdu),
                _ => Terminate(apdu),
            };
        }
    }

    private static bool IsKnownInstruction(byte ins) => ins is BinaryFileAccess.InsSelect or BinaryFileAccess.InsReadBinary
        or InsUpdateBinary or InsVerify or InsGenerateKeyPair or InsActivate or InsInternalAuthenticate or InsTerminate or InsGetData;

    private void ForgetSession()
    {
        _applicationSelected = false;
        _currentEf = null;
        _transportCodeVerified = false;
    }

    private void Save()
    {
        if (_cardFilePath is not null)
        {
            PermitCardFile.Save(_cardFilePath, _state);
        }
    }

    private static bool IsCase1(CommandApdu apdu) => apdu.IsWellFormed && !apdu.HasData && apdu.Ne is null;

    private static bool IsCase2(CommandApdu apdu, int responseLength) =>
        apdu.IsWellFormed && !apdu.HasData && apdu.Ne is { } ne && ne >= responseLength;
}

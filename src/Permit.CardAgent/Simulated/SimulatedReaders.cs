using Permit.CardAgent.Events;
using Permit.CardAgent.Terminals;
using Permit.HardwareSim.IdCards;
using Permit.HardwareSim.PermitCards;
using Permit.HardwareSim.Transport;
using Permit.Iso7816;

namespace Permit.CardAgent.Simulated;

/// <summary>
/// <c>serve --simulated</c>: two readers held in process instead of PC/SC — an ID card reader with a demo person's card
/// and a permit card reader with a fresh blank card — switched from the panel (<see cref="SimulatedPanel"/>). Every name
/// says SIMULATED, so no screen, log or answer can pass a simulated read off as a real one.
/// </summary>
public sealed class SimulatedReaders : ICardTerminals
{
    public const string IdReaderName = "SIMULATED ID card reader (permit-sim) 00";
    public const string PermitReaderName = "SIMULATED permit card reader (permit-sim) 01";

    private readonly InProcessReader _id = new();
    private readonly InProcessReader _permit = new();
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;

    // The card in the permit reader came in blank here (not a holder card from the folder), and the name it was carried
    // out under, once pulled written.
    private bool _blankHere;
    private string? _carriedName;

    /// <param name="holderCards">Folder of already written demo cards (<c>*.card.json</c>, permit-sim card files), or null.</param>
    public SimulatedReaders(TimeProvider time, string? holderCards)
    {
        _time = time;
        HolderCardFolder = holderCards;
        ChoosePerson(0);
        InsertBlankCard();
    }

    /// <summary>A card went in or came out (the panel's doing): the loopback service passes it on to <c>GET /events</c>.</summary>
    public event EventHandler<AgentEvent>? Changed;

    public string? HolderCardFolder { get; }

    /// <summary>Index into <see cref="SimulatedPeople.All"/> of the ID card in the reader.</summary>
    public int Person { get; private set; }

    /// <summary>The name (in <see cref="HolderCards"/>) under which the card written here was last carried out, or null.</summary>
    public string? CarriedCard { get; private set; }

    /// <summary>What is in the permit card reader, for the panel: <c>blank</c>, <c>written</c>, a holder card's name, or <c>none</c>.</summary>
    public string PermitCardLabel { get; private set; } = "none";

    /// <summary>The demo holders' written cards: file names without <c>.card.json</c>.</summary>
    public IReadOnlyList<string> HolderCards() =>
        HolderCardFolder is { } folder && Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.card.json").Select(f => Path.GetFileName(f)[..^".card.json".Length]).Order(StringComparer.Ordinal)]
            : [];

    public IReadOnlyList<ReaderInfo> ListReaders() =>
        [Info(IdReaderName, _id), Info(PermitReaderName, _permit)];

    public ICardConnection Connect(string readerName)
    {
        var reader = readerName switch
        {
            IdReaderName => _id,
            PermitReaderName => _permit,
            _ => throw new Permit.PCSC.UnknownReaderException(),
        };
        if (!reader.IsInserted)
            throw new Permit.PCSC.NoSmartcardException(); // as SCardConnect answers for an empty reader
        return new Connection(reader, reader.Connect());
    }

    /// <summary>Puts the ID card of demo person <paramref name="index"/> in the ID reader.</summary>
    public void ChoosePerson(int index)
    {
        var people = SimulatedPeople.All;
        if (index < 0 || index >= people.Count)
            throw new ArgumentOutOfRangeException(nameof(index), $"There are {people.Count} demo people (0..{people.Count - 1}).");
        lock (_gate)
        {
            _id.Insert(SimulatedPeople.Card(people[index]));
            Person = index;
        }

        Raise(AgentEvent.CardInserted, IdReaderName, _id);
    }

    /// <summary>A fresh blank permit card (default transport code, random serial) in the permit reader.</summary>
    public void InsertBlankCard()
    {
        lock (_gate)
        {
            _permit.Insert(PermitCard.CreateBlank(PermitCard.NewSerial(), PermitCard.DefaultTransportCode.Span));
            PermitCardLabel = "blank";
            _blankHere = true;
            _carriedName = null;
        }

        Raise(AgentEvent.CardInserted, PermitReaderName, _permit);
    }

    /// <summary>
    /// Pulls the card out of the permit reader (as a hand would, mid-write too). A card written here (ACTIVE) goes into the
    /// holder card folder, as a card carried from the desk to a counter: another simulated agent sharing the folder can
    /// then tap it (<see cref="TapHolderCard"/>). A card pulled half-written stays behind.
    /// </summary>
    public void PullCard()
    {
        lock (_gate)
        {
            _permit.Remove();
            PermitCardLabel = "none";
            CarryWrittenCard();
        }

        Raise(AgentEvent.CardRemoved, PermitReaderName, null);
    }

    /// <summary>Puts the card back in: the card last pulled, whatever was written on it.</summary>
    public void PutBackCard()
    {
        lock (_gate)
        {
            if (_permit.Card is null)
                throw new InvalidOperationException("No card was ever in the permit reader.");
            _permit.Insert();
            PermitCardLabel = _permit.Card is PermitCard { LifeCycle: CardLifeCycle.Blank } ? "blank" : "written";
        }

        Raise(AgentEvent.CardInserted, PermitReaderName, _permit);
    }

    /// <summary>Taps demo holder <paramref name="name"/>'s written card on the permit reader.</summary>
    /// <exception cref="FileNotFoundException">No such holder card.</exception>
    /// <exception cref="InvalidDataException">The card file is not a permit-sim card.</exception>
    public void TapHolderCard(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!HolderCards().Contains(name, StringComparer.Ordinal))
            throw new FileNotFoundException($"No demo holder card '{name}'.");
        // A copy in memory: a demo card is never changed by what a page does with it.
        var file = Path.Combine(HolderCardFolder!, name + ".card.json");
        var card = PermitCard.Load(file);
        lock (_gate)
        {
            _permit.Insert(card);
            PermitCardLabel = name;
            _blankHere = false;
            _carriedName = null;
        }

        Raise(AgentEvent.CardInserted, PermitReaderName, _permit);
    }

    /// <summary>The life cycle of the card in (or last in) the permit reader, for the panel.</summary>
    public string PermitCardState() => _permit.Card is PermitCard card
        ? (_permit.IsInserted ? "" : "out: ") + card.LifeCycle.ToString().ToUpperInvariant()
        : "none";

    private void CarryWrittenCard()
    {
        CarriedCard = null;
        if (!_blankHere || HolderCardFolder is not { } folder || _permit.Card is not PermitCard { LifeCycle: CardLifeCycle.Active } card)
            return;
        // One name per card, by the time it first left the reader: pulled again, the same file is brought up to date.
        _carriedName ??= "written-" + _time.GetUtcNow().ToString("yyyyMMdd-HHmmss-fff", System.Globalization.CultureInfo.InvariantCulture);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, _carriedName + ".card.json");
        card.SaveCopy(file);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite); // a simulated chip key, kept private all the same
        CarriedCard = _carriedName;
    }

    private static ReaderInfo Info(string name, InProcessReader reader) =>
        new(name, reader.IsInserted, reader.IsInserted ? reader.Card!.Atr.ToArray() : []);

    private void Raise(string type, string reader, InProcessReader? with) =>
        Changed?.Invoke(this, new AgentEvent(type, reader, with?.Card is { } card ? Convert.ToHexString(card.Atr.Span) : null, Initial: false, _time.GetUtcNow()));

    private sealed class Connection(InProcessReader reader, ICardChannel channel) : ICardConnection
    {
        public byte[] Transmit(ReadOnlySpan<byte> command) => channel.Transmit(command);

        public void DisconnectAndReset() => reader.PowerCycle();

        public void Dispose()
        {
        }
    }
}

using Permit.Iso7816;

namespace Permit.HardwareSim.Transport;

/// <summary>
/// A card reader held in process, for fast tests of code written against <see cref="ICardChannel"/>:
/// insert and remove a card, power-cycle it, and inject the same faults as through vpcd.
/// </summary>
public sealed class InProcessReader : ISimulatorControl
{
    private readonly Lock _gate = new();
    private IEmulatedCard? _card;
    private bool _inserted;
    private int _insertion;

    /// <summary>A reader with <paramref name="card"/> inserted, or an empty reader.</summary>
    public InProcessReader(IEmulatedCard? card = null)
    {
        if (card is not null)
        {
            Insert(card);
        }
    }

    public CardFaults Faults { get; } = new();

    public bool IsInserted
    {
        get { lock (_gate) { return _inserted; } }
    }

    /// <summary>The card last inserted (it keeps its state while out of the reader).</summary>
    public IEmulatedCard? Card
    {
        get { lock (_gate) { return _card; } }
    }

    /// <summary>Inserts <paramref name="card"/>, replacing whatever card was in the reader.</summary>
    public void Insert(IEmulatedCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        lock (_gate)
        {
            _card?.PowerOff();
            _card = card;
            _inserted = true;
            _insertion++;
            card.Reset();
        }
    }

    /// <summary>Puts the last card back in.</summary>
    public void Insert()
    {
        var card = Card ?? throw new InvalidOperationException("No card has been inserted into this reader yet.");
        Insert(card);
    }

    public void Remove()
    {
        lock (_gate)
        {
            if (_inserted)
            {
                _inserted = false;
                _card!.PowerOff();
            }
        }
    }

    /// <summary>
    /// Power off and on again (as SCardReconnect with unpower): volatile card state is lost, but open channels
    /// keep working because the card never left the reader.
    /// </summary>
    public void PowerCycle()
    {
        lock (_gate)
        {
            if (_inserted)
            {
                _card!.PowerOff();
                _card.Reset();
            }
        }
    }

    /// <summary>Opens a channel to the card now in the reader; it stops working once that card is removed.</summary>
    /// <exception cref="CardRemovedException">The reader is empty.</exception>
    public EmulatedCardChannel Connect()
    {
        lock (_gate)
        {
            return _inserted ? new EmulatedCardChannel(this, _insertion) : throw new CardRemovedException("No card in the reader.");
        }
    }

    internal byte[] Transmit(int insertion, ReadOnlySpan<byte> command)
    {
        IEmulatedCard card;
        lock (_gate)
        {
            if (!_inserted || insertion != _insertion)
            {
                throw new CardRemovedException();
            }

            card = _card!;
        }

        var answer = Faults.Answer(card, command);
        if (answer.Delay > TimeSpan.Zero)
        {
            Thread.Sleep(answer.Delay);
        }

        if (answer.DropsConnection)
        {
            Remove();
            throw new CardRemovedException("The card was removed from the reader during the exchange (injected fault).");
        }

        return answer.Response!;
    }
}

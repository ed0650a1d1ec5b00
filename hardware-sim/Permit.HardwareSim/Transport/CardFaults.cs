namespace Permit.HardwareSim.Transport;

/// <summary>
/// Faults a test can inject between a reader and an emulated card: a slow card, a card pulled out in the middle of
/// an exchange, a card that answers a chosen status word. Thread-safe; shared by every transport.
/// </summary>
public sealed class CardFaults
{
    private readonly Lock _gate = new();
    private readonly Queue<ushort> _forcedStatusWords = new();
    private TimeSpan _answerDelay;
    private int _apdusUntilDrop;
    private long _apdusAnswered;

    /// <summary>How long the card waits before answering each APDU.</summary>
    public TimeSpan AnswerDelay
    {
        get { lock (_gate) { return _answerDelay; } }
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            lock (_gate) { _answerDelay = value; }
        }
    }

    /// <summary>APDUs answered since the transport started (forced answers included), for a status view.</summary>
    public long ApdusAnswered
    {
        get { lock (_gate) { return _apdusAnswered; } }
    }

    /// <summary>
    /// The <paramref name="nthApdu"/>-th APDU from now (1 = the next one) gets no answer: the card is pulled out
    /// instead, and stays out until inserted again. The reader sees the card removed during that exchange.
    /// </summary>
    public void DropConnectionAt(int nthApdu)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nthApdu, 1);
        lock (_gate) { _apdusUntilDrop = nthApdu; }
    }

    /// <summary>The next <paramref name="count"/> APDUs are answered with just <paramref name="statusWord"/>, without reaching the card.</summary>
    public void AnswerNext(ushort statusWord, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _forcedStatusWords.Enqueue(statusWord);
            }
        }
    }

    /// <summary>No delay, no pending drop, no forced answers.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _answerDelay = TimeSpan.Zero;
            _apdusUntilDrop = 0;
            _forcedStatusWords.Clear();
        }
    }

    /// <summary>
    /// Passes one APDU through the faults to <paramref name="card"/>: the response to send after
    /// <see cref="FaultedAnswer.Delay"/>, or no response when the connection must drop now.
    /// </summary>
    public FaultedAnswer Answer(IEmulatedCard card, ReadOnlySpan<byte> command)
    {
        ArgumentNullException.ThrowIfNull(card);
        ushort? forced = null;
        TimeSpan delay;
        lock (_gate)
        {
            delay = _answerDelay;
            if (_apdusUntilDrop > 0 && --_apdusUntilDrop == 0)
            {
                return new FaultedAnswer(null, delay);
            }

            if (_forcedStatusWords.Count > 0)
            {
                forced = _forcedStatusWords.Dequeue();
            }

            _apdusAnswered++;
        }

        var response = forced is { } sw ? StatusWords.Respond(sw) : card.Process(command);
        return new FaultedAnswer(response, delay);
    }
}

/// <summary>What a transport does with one APDU: wait <see cref="Delay"/>, then send <see cref="Response"/>, or drop the connection when it is null.</summary>
public readonly record struct FaultedAnswer(byte[]? Response, TimeSpan Delay)
{
    public bool DropsConnection => Response is null;
}

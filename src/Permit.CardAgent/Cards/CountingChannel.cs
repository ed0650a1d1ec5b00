using Permit.Iso7816;

namespace Permit.CardAgent.Cards;

/// <summary>Counts what crosses a card channel: the figures the tap-to-verdict benchmark and the agent's --json report.</summary>
public sealed class CountingChannel(ICardChannel inner) : ICardChannel
{
    public int ApduCount { get; private set; }

    public long BytesSent { get; private set; }

    public long BytesReceived { get; private set; }

    /// <summary>Time spent waiting for the card (and everything between the agent and the card).</summary>
    public TimeSpan CardTime { get; private set; }

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var response = inner.Transmit(command);
        CardTime += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        ApduCount++;
        BytesSent += command.Length;
        BytesReceived += response.Length;
        return response;
    }
}

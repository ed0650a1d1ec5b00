using System.Buffers.Binary;
using System.Net.Sockets;

namespace Permit.PCSC.Tests.EndToEnd;

/// <summary>
/// A minimal scripted card behind vpcd: connecting to a slot's port inserts it, closing the connection removes it.
/// Every frame both ways is a 2-byte big-endian length and that many bytes; a 1-byte frame from vpcd is a control
/// byte (00 power off, 01 power on, 02 reset, 04 get ATR; only 04 is answered), anything longer is an APDU.
/// </summary>
internal sealed class VpcdCard : IAsyncDisposable
{
    /// <summary>The ATR of vsmartcard's own ISO 7816 test card (T=1, TA1 13), which pcscd is known to accept.</summary>
    public static readonly byte[] DefaultAtr = Convert.FromHexString("3B9513810180" + "73FF01000B");

    private readonly TcpClient _client;
    private readonly NetworkStream _stream;
    private readonly Func<byte[], byte[]> _answer;
    private readonly byte[] _atr;
    private readonly Task _loop;

    private VpcdCard(TcpClient client, byte[] atr, Func<byte[], byte[]> answer)
    {
        _client = client;
        _stream = client.GetStream();
        _atr = atr;
        _answer = answer;
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Every APDU the card received, in order, as hex.</summary>
    public ConcurrentQueue<string> ReceivedApdus { get; } = new();

    /// <summary>Every control byte the card received, in order.</summary>
    public ConcurrentQueue<byte> ReceivedControls { get; } = new();

    /// <summary>Puts a card into the slot whose vpcd port is <paramref name="port"/>; <paramref name="answer"/> maps APDU to response.</summary>
    public static async Task<VpcdCard> InsertAsync(int port, Func<byte[], byte[]> answer, byte[]? atr = null, CancellationToken cancellationToken = default)
    {
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken);
            return new VpcdCard(client, atr ?? DefaultAtr, answer);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Pulls the card out: closes the connection.</summary>
    public async Task RemoveAsync()
    {
        _client.Client.Shutdown(SocketShutdown.Both);
        _client.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException)
        {
            // The read loop ends with whatever the closed socket throws.
        }
    }

    public async ValueTask DisposeAsync() => await RemoveAsync();

    private async Task ServeAsync()
    {
        var header = new byte[2];
        while (true)
        {
            if (!await ReadExactlyOrEndAsync(header))
                return;

            var frame = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
            if (!await ReadExactlyOrEndAsync(frame))
                return;

            if (frame.Length == 1)
            {
                ReceivedControls.Enqueue(frame[0]);
                if (frame[0] == 0x04)
                    await SendAsync(_atr);
                continue;
            }

            ReceivedApdus.Enqueue(Convert.ToHexString(frame));
            await SendAsync(_answer(frame));
        }
    }

    /// <summary>Reads exactly <paramref name="buffer"/>.Length bytes, looping over short reads; false at end of stream.</summary>
    private async Task<bool> ReadExactlyOrEndAsync(byte[] buffer)
    {
        try
        {
            await _stream.ReadExactlyAsync(buffer);
            return true;
        }
        catch (EndOfStreamException)
        {
            return false;
        }
    }

    private async Task SendAsync(byte[] payload)
    {
        var frame = new byte[2 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)payload.Length);
        payload.CopyTo(frame, 2);
        await _stream.WriteAsync(frame);
    }
}

using System.Buffers.Binary;
using System.Net.Sockets;

namespace Permit.HardwareSim.Transport;

/// <summary>
/// Plugs an emulated card into vsmartcard's vpcd reader (docs/vpcd.md): a TCP client to the slot's port, each
/// message framed by a big-endian 16-bit length; 1-byte frames are control (00 off, 01 on, 02 reset, 04 ATR),
/// longer frames are APDUs answered with data ‖ SW. The card is "in the reader" while the socket is open, so
/// removal closes it; when vpcd (pcscd) goes away the connector keeps trying until it is back.
/// </summary>
public sealed class VpcdConnector : ISimulatorControl
{
    private const byte ControlPowerOff = 0x00;
    private const byte ControlPowerOn = 0x01;
    private const byte ControlReset = 0x02;
    private const byte ControlAtr = 0x04;

    private readonly IEmulatedCard _card;
    private readonly string _host;
    private readonly int _port;
    private readonly TextWriter _log;
    private readonly Lock _gate = new();
    private bool _wantInserted = true;
    private Socket? _socket;
    private bool _inserted;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="log">Where the connector says what happens (never card data); <see cref="TextWriter.Null"/> when omitted.</param>
    public VpcdConnector(IEmulatedCard card, int port, string host = "127.0.0.1", TextWriter? log = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        _card = card;
        _host = host;
        _port = port;
        _log = log ?? TextWriter.Null;
    }

    public CardFaults Faults { get; } = new();

    /// <summary>How long to wait before connecting again after vpcd refused or dropped the connection.</summary>
    public TimeSpan ReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Raised once per (re)connection when pcscd has the card's ATR: pcscd polls presence (ATR requests), powers a
    /// new card on and reads its ATR again (observed: 04 04 01 04), so the ATR answered after a power-on is the
    /// moment. A card pulled out and put back between two polls never looks removed to pcscd and is not powered
    /// on again; the third ATR request stands in for that case.
    /// </summary>
    public event EventHandler? Inserted;

    /// <summary>True once pcscd has seen the card over the current connection (see <see cref="Inserted"/>).</summary>
    public bool IsInserted
    {
        get { lock (_gate) { return _inserted; } }
    }

    public void Insert()
    {
        lock (_gate)
        {
            _wantInserted = true;
            SignalChange();
        }
    }

    public void Remove()
    {
        lock (_gate)
        {
            _wantInserted = false;
            CloseSocket();
            SignalChange();
        }
    }

    /// <summary>Keeps the card connected to vpcd (when it should be inserted) until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                Task changed;
                bool wanted;
                lock (_gate)
                {
                    changed = _changed.Task;
                    wanted = _wantInserted;
                }

                if (!wanted)
                {
                    await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (await ServeOneConnectionAsync(cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                await Task.Delay(ReconnectDelay, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping is the normal way out.
        }
        finally
        {
            lock (_gate)
            {
                CloseSocket();
            }
        }
    }

    /// <returns>True when the connection ended because the card was removed on purpose (no reconnect delay needed).</returns>
    private async Task<bool> ServeOneConnectionAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(_host, _port, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return false;
        }

        lock (_gate)
        {
            if (!_wantInserted)
            {
                socket.Dispose();
                return true;
            }

            _socket = socket;
        }

        try
        {
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            await ServeAsync(stream, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or EndOfStreamException)
        {
            // The connection ended: removed on purpose, or vpcd went away (pcscd stopped).
        }
        finally
        {
            _card.PowerOff();
            lock (_gate)
            {
                if (ReferenceEquals(_socket, socket))
                {
                    CloseSocket();
                }
                else
                {
                    HangUp(socket);
                }
            }
        }

        lock (_gate)
        {
            if (_wantInserted && !cancellationToken.IsCancellationRequested)
            {
                _log.WriteLine($"permit-sim: vpcd at {_host}:{_port} closed the connection; reconnecting");
                return false;
            }

            return true;
        }
    }

    private async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var header = new byte[2];
        var announced = false;
        var poweredOn = false;
        var atrRequests = 0;
        while (true)
        {
            // ReadExactlyAsync loops over short reads: a frame may arrive in pieces.
            await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
            var frame = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
            await stream.ReadExactlyAsync(frame, cancellationToken).ConfigureAwait(false);

            if (frame.Length == 1)
            {
                switch (frame[0])
                {
                    case ControlPowerOff:
                        _card.PowerOff();
                        break;
                    case ControlPowerOn or ControlReset:
                        _card.Reset();
                        poweredOn |= frame[0] == ControlPowerOn;
                        break;
                    case ControlAtr:
                        // Announced before the ATR leaves, so whoever sees this ATR also sees the card counted as inserted.
                        if (!announced && (poweredOn || ++atrRequests >= 3))
                        {
                            announced = true;
                            AnnounceInserted();
                        }

                        await SendAsync(stream, _card.Atr, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        _log.WriteLine($"permit-sim: ignoring unknown vpcd control byte {frame[0]:X2}");
                        break;
                }

                continue;
            }

            if (frame.Length == 0)
            {
                continue;
            }

            FaultedAnswer answer;
            try
            {
                answer = Faults.Answer(_card, frame);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The card file could not be saved. Told apart from a lost connection, and answered as a card's
                // own memory failure (65 81) rather than leaving pcscd waiting.
                _log.WriteLine($"permit-sim: cannot save the card file: {e.Message}");
                answer = new FaultedAnswer([0x65, 0x81], TimeSpan.Zero);
            }

            if (answer.Delay > TimeSpan.Zero)
            {
                await Task.Delay(answer.Delay, cancellationToken).ConfigureAwait(false);
            }

            if (answer.DropsConnection)
            {
                _log.WriteLine("permit-sim: card pulled out during an APDU (injected fault)");
                Remove();
                return;
            }

            await SendAsync(stream, answer.Response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task SendAsync(NetworkStream stream, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var message = new byte[payload.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(message, (ushort)payload.Length);
        payload.Span.CopyTo(message.AsSpan(2));
        await stream.WriteAsync(message, cancellationToken).ConfigureAwait(false);
    }

    private void AnnounceInserted()
    {
        lock (_gate)
        {
            _inserted = true;
        }

        _log.WriteLine($"permit-sim: card inserted into vpcd at {_host}:{_port}");
        Inserted?.Invoke(this, EventArgs.Empty);
    }

    private void CloseSocket()
    {
        if (_socket is not null)
        {
            HangUp(_socket);
            _socket = null;
        }

        _inserted = false;
    }

    /// <summary>
    /// Shuts the connection down before closing it: a receive still pending on another thread holds the handle, and
    /// then Dispose alone leaves the close (and so vpcd's "card removed") until that receive ends.
    /// </summary>
    private static void HangUp(Socket socket)
    {
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Already gone: nothing left to hang up.
        }

        socket.Dispose();
    }

    private void SignalChange()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}

using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Permit.HardwareSim.Tests.Support;

/// <summary>
/// The pcscd side of the vpcd protocol, played by the test: listens where vpcd would and sends what vpcd sends
/// (length-prefixed control bytes and APDUs), so the connector is tested without a daemon.
/// </summary>
internal sealed class FakeVpcd : IDisposable
{
    private readonly TcpListener _listener;

    public FakeVpcd(int port = 0)
    {
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A port that nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var fake = new FakeVpcd();
        return fake.Port;
    }

    /// <summary>Waits for the emulator to connect (the card being inserted).</summary>
    public async Task<VpcdLink> AcceptAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(15));
        return new VpcdLink(await _listener.AcceptTcpClientAsync(timeout.Token));
    }

    public void Dispose() => _listener.Dispose();
}

/// <summary>One connection from an emulator, seen from vpcd.</summary>
internal sealed class VpcdLink : IDisposable
{
    private readonly TcpClient _client;
    private readonly NetworkStream _stream;

    public VpcdLink(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
    }

    /// <summary>What pcscd does when a card appears (observed through vpcd): two presence polls, power on, read the ATR.</summary>
    public async Task InsertLikePcscdAsync(CancellationToken cancellationToken)
    {
        await GetAtrAsync(cancellationToken);
        await GetAtrAsync(cancellationToken);
        await PowerOnAsync(cancellationToken);
        await GetAtrAsync(cancellationToken);
    }

    public Task PowerOnAsync(CancellationToken cancellationToken) => SendAsync([0x01], cancellationToken);

    public Task PowerOffAsync(CancellationToken cancellationToken) => SendAsync([0x00], cancellationToken);

    public Task ResetAsync(CancellationToken cancellationToken) => SendAsync([0x02], cancellationToken);

    public async Task<byte[]> GetAtrAsync(CancellationToken cancellationToken)
    {
        await SendAsync([0x04], cancellationToken);
        return await ReceiveAsync(cancellationToken);
    }

    /// <summary>Sends an APDU as vpcd does and returns the emulator's answer (data ‖ SW).</summary>
    public async Task<string> TransmitAsync(string apdu, CancellationToken cancellationToken)
    {
        await SendAsync(Hex.Parse(apdu), cancellationToken);
        return Hex.Format(await ReceiveAsync(cancellationToken));
    }

    /// <summary>Sends a frame one byte per write, to check the emulator reads exact lengths in a loop.</summary>
    public async Task<string> TransmitInPiecesAsync(string apdu, CancellationToken cancellationToken)
    {
        var payload = Hex.Parse(apdu);
        var frame = new byte[payload.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)payload.Length);
        payload.CopyTo(frame, 2);
        foreach (var b in frame)
        {
            await _stream.WriteAsync(new[] { b }, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
            await Task.Delay(5, cancellationToken);
        }

        return Hex.Format(await ReceiveAsync(cancellationToken));
    }

    /// <summary>Sends an APDU and expects the emulator to hang up instead of answering (true when it did).</summary>
    public async Task<bool> IsClosedAfterAsync(string apdu, CancellationToken cancellationToken)
    {
        await SendAsync(Hex.Parse(apdu), cancellationToken);
        return await IsClosedAsync(cancellationToken);
    }

    /// <summary>True once the emulator has closed the connection (end of stream).</summary>
    public async Task<bool> IsClosedAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Generous: on a loaded CI machine the pool thread that sees the close can come late.
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            return await _stream.ReadAsync(new byte[1], timeout.Token) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private async Task SendAsync(byte[] payload, CancellationToken cancellationToken)
    {
        var frame = new byte[payload.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)payload.Length);
        payload.CopyTo(frame, 2);
        await _stream.WriteAsync(frame, cancellationToken);
    }

    private async Task<byte[]> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Generous: on a loaded CI machine the pool thread that sees the close can come late.
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var header = new byte[2];
        await _stream.ReadExactlyAsync(header, timeout.Token);
        var payload = new byte[BinaryPrimitives.ReadUInt16BigEndian(header)];
        await _stream.ReadExactlyAsync(payload, timeout.Token);
        return payload;
    }

    public void Dispose() => _client.Dispose();
}

using Permit.CardAgent.Terminals;
using Permit.Iso7816;

namespace Permit.CardAgent.Tests.Support;

/// <summary>Named emulated readers held in process, standing in for PC/SC in fast tests.</summary>
internal sealed class InProcessTerminals : ICardTerminals
{
    public const string IdReader = "Test ID Reader 00";
    public const string PermitReader = "Test Permit Reader 01";

    private readonly List<(string Name, InProcessReader Reader)> _readers = [];

    public InProcessTerminals(InProcessReader? idReader = null, InProcessReader? permitReader = null)
    {
        _readers.Add((IdReader, idReader ?? new InProcessReader()));
        _readers.Add((PermitReader, permitReader ?? new InProcessReader()));
    }

    public InProcessReader Id => _readers[0].Reader;

    public InProcessReader Permit => _readers[1].Reader;

    public IReadOnlyList<ReaderInfo> ListReaders() =>
        [.. _readers.Select(r => new ReaderInfo(r.Name, r.Reader.IsInserted, r.Reader.IsInserted ? r.Reader.Card!.Atr.ToArray() : []))];

    public ICardConnection Connect(string readerName)
    {
        var reader = _readers.Single(r => r.Name == readerName).Reader;
        if (!reader.IsInserted)
            throw new Permit.PCSC.NoSmartcardException(); // as SCardConnect answers for an empty reader
        return new Connection(reader, reader.Connect());
    }

    private sealed class Connection(InProcessReader reader, ICardChannel channel) : ICardConnection
    {
        public byte[] Transmit(ReadOnlySpan<byte> command) => channel.Transmit(command);

        public void DisconnectAndReset() => reader.PowerCycle();

        public void Dispose()
        {
        }
    }
}

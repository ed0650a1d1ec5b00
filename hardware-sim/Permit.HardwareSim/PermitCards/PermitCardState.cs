namespace Permit.HardwareSim.PermitCards;

/// <summary>
/// Everything a permit card keeps across power-off: what its card file holds.
/// Mutable on purpose, and owned by exactly one <see cref="PermitCard"/>, which guards it with its lock.
/// </summary>
public sealed class PermitCardState
{
    public const int MaxTransportTries = 3;

    public PermitCardState(byte[] serial, byte[] transportCode)
    {
        if (serial.Length != 8)
        {
            throw new ArgumentException("A card serial number is 8 bytes.", nameof(serial));
        }

        if (transportCode.Length != 8)
        {
            throw new ArgumentException("A transport code is 8 bytes.", nameof(transportCode));
        }

        Serial = serial;
        TransportCode = transportCode;
    }

    public byte[] Serial { get; }

    public byte[] TransportCode { get; }

    public int TransportTriesLeft { get; set; } = MaxTransportTries;

    /// <summary>BLANK, ACTIVE or TERMINATED; PERSONALIZING is session state and never stored.</summary>
    public CardLifeCycle LifeCycle { get; set; } = CardLifeCycle.Blank;

    /// <summary>The EF contents by FID; a missing entry is a file that was never written.</summary>
    public Dictionary<ushort, byte[]> Files { get; } = [];

    /// <summary>The chip's P-256 private key as PKCS#8 (a simulator keeps it in a file; a real card never lets it out).</summary>
    public byte[]? ChipPrivateKeyPkcs8 { get; set; }

    public ReadOnlySpan<byte> FileContent(ushort fid) => Files.TryGetValue(fid, out var content) ? content : [];
}

namespace Permit.HardwareSim.Cards;

/// <summary>The answers to reset the emulated cards give.</summary>
public static class CardAtr
{
    /// <summary>
    /// <c>3B 95 13 81 01 80 73 FF 01 00 0B</c>: T=1, TA1 13, compact-TLV historical bytes with card capabilities
    /// that do not announce extended lengths: the ID card, and a permit card with extended length turned off. It is the ATR vsmartcard's
    /// <c>vicc -t iso7816</c> gives, which pcsc_scan and pcscd are known to accept (docs/vpcd.md).
    /// </summary>
    public static ReadOnlyMemory<byte> Default { get; } = new byte[] { 0x3B, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xFF, 0x01, 0x00, 0x0B };

    /// <summary>
    /// <c>3B 95 13 81 01 80 73 FF 01 40 4B</c>: the same ATR with bit b7 of the third card-capabilities byte set,
    /// "extended Lc and Le fields" (ISO/IEC 7816-4, 8.1.1.2.7); TCK changes with it. A permit card that takes
    /// extended READ BINARY answers this one.
    /// </summary>
    public static ReadOnlyMemory<byte> ExtendedLength { get; } = new byte[] { 0x3B, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xFF, 0x01, 0x40, 0x4B };
}

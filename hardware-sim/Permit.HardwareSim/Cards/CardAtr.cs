namespace Permit.HardwareSim.Cards;

/// <summary>The answer to reset both emulated cards give.</summary>
public static class CardAtr
{
    /// <summary>
    /// <c>3B 95 13 81 01 80 73 FF 01 00 0B</c>: T=1, TA1 13, compact-TLV historical bytes with card capabilities
    /// that do not announce extended lengths (the permit spec is short APDUs only). It is the ATR vsmartcard's
    /// <c>vicc -t iso7816</c> gives, which pcsc_scan and pcscd are known to accept (docs/vpcd.md).
    /// </summary>
    public static ReadOnlyMemory<byte> Default { get; } = new byte[] { 0x3B, 0x95, 0x13, 0x81, 0x01, 0x80, 0x73, 0xFF, 0x01, 0x00, 0x0B };
}

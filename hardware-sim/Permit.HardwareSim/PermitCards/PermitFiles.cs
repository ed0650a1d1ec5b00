namespace Permit.HardwareSim.PermitCards;

/// <summary>The permit application's identifiers and elementary files (docs/permit-card.md, "Files").</summary>
public static class PermitFiles
{
    /// <summary>F0 ‖ ASCII "PERMIT" ‖ version 01.</summary>
    public static ReadOnlyMemory<byte> Aid { get; } = new byte[] { 0xF0, 0x50, 0x45, 0x52, 0x4D, 0x49, 0x54, 0x01 };

    public const ushort Permit = 0x0101;
    public const ushort Photo = 0x0102;
    public const ushort ChipKey = 0x0103;
    public const ushort Signature = 0x0104;

    /// <summary>Every EF of the application with its maximum size in bytes.</summary>
    public static IReadOnlyDictionary<ushort, int> MaxSizes { get; } = new Dictionary<ushort, int>
    {
        [Permit] = 1024,
        [Photo] = 16384,
        [ChipKey] = 72,
        [Signature] = 256,
    };

    /// <summary>The files ACTIVATE insists on (EF.PHOTO may legitimately be the empty object <c>5F 2E 00</c> or never written).</summary>
    public static IReadOnlyList<ushort> RequiredForActivation { get; } = [Permit, ChipKey, Signature];
}

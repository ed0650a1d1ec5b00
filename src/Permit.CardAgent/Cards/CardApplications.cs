namespace Permit.CardAgent.Cards;

/// <summary>Application identifiers and file identifiers of the two card applications the agent talks to.</summary>
public static class CardApplications
{
    /// <summary>Permit card application: proprietary F0 ‖ "PERMIT" ‖ version 01 (docs/permit-card.md).</summary>
    public static ReadOnlySpan<byte> PermitAid => [0xF0, 0x50, 0x45, 0x52, 0x4D, 0x49, 0x54, 0x01];

    /// <summary>ID card PC/SC profile: F0 ‖ "IDCARD" ‖ 01 (docs/id-card.md).</summary>
    public static ReadOnlySpan<byte> IdCardAid => [0xF0, 0x49, 0x44, 0x43, 0x41, 0x52, 0x44, 0x01];

    public const ushort EfPermit = 0x0101;
    public const ushort EfPhoto = 0x0102;
    public const ushort EfChipKey = 0x0103;
    public const ushort EfSig = 0x0104;

    public const ushort EfIdText = 0x0001;
    public const ushort EfIdPhoto = 0x0002;
    public const ushort EfIdFingerprint = 0x0003;
}

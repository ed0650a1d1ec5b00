namespace Permit.Domain.Credentials.Card;

/// <summary>File ids, templates and size limits of the permit application (card spec v1, "Files").</summary>
public static class CardFiles
{
    public const ushort PermitFid = 0x0101;
    public const ushort PhotoFid = 0x0102;
    public const ushort ChipKeyFid = 0x0103;
    public const ushort SignatureFid = 0x0104;

    public const int PermitMaxBytes = 1024;
    public const int PhotoMaxBytes = 16384;
    public const int ChipKeyMaxBytes = 72;
    public const int SignatureMaxBytes = 256;

    public const uint PermitTemplateTag = 0x70;
    public const uint PhotoTag = 0x5F2E;
    public const uint ChipKeyTemplateTag = 0x7F49;
    public const uint ChipKeyPointTag = 0x86;
    public const uint SecurityObjectTag = 0x77;

    /// <summary>The format version EF.PERMIT tag 80 carries.</summary>
    public const byte PermitFormatVersion = 0x01;
}

namespace Permit.HardwareSim.Tests.Support;

/// <summary>The APDUs of docs/permit-card.md, byte for byte.</summary>
internal static class PermitApdus
{
    public const string SelectApplication = "00 A4 04 00 08 F0 50 45 52 4D 49 54 01 00";
    public const string SelectPermitFile = "00 A4 02 0C 02 01 01";
    public const string SelectPhotoFile = "00 A4 02 0C 02 01 02";
    public const string SelectChipKeyFile = "00 A4 02 0C 02 01 03";
    public const string SelectSignatureFile = "00 A4 02 0C 02 01 04";
    public const string VerifyRightCode = "00 20 00 01 08 31 32 33 34 35 36 37 38";
    public const string VerifyWrongCode = "00 20 00 01 08 30 30 30 30 30 30 30 30";
    public const string GenerateKeyPair = "00 46 00 00 00";
    public const string Activate = "00 44 00 00";
    public const string Terminate = "00 E6 00 00";
    public const string GetSerial = "00 CA 01 01 00";
    public const string ReadFromStart = "00 B0 00 00 00";

    public static string InternalAuthenticate(string challengeHex)
    {
        var challenge = Hex.Parse(challengeHex);
        return $"00 88 00 00 {challenge.Length:X2} {Hex.Format(challenge)} 00";
    }

    public static string UpdateBinary(int offset, string dataHex)
    {
        var data = Hex.Parse(dataHex);
        return $"00 D6 {offset >> 8:X2} {offset & 0xFF:X2} {data.Length:X2} {Hex.Format(data)}";
    }
}

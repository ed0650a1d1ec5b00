namespace Permit.HardwareSim.Apdu;

/// <summary>The status words the emulated cards answer (docs/permit-card.md, "Commands"). Kept apart from
/// Permit.Iso7816's on purpose, so the emulator and the agent check each other.</summary>
public static class StatusWords
{
    public const ushort Ok = 0x9000;
    public const ushort EndOfFileBeforeLe = 0x6282;
    public const ushort SelectedFileTerminated = 0x6285;
    public const ushort WrongLength = 0x6700;
    public const ushort SecurityStatusNotSatisfied = 0x6982;
    public const ushort AuthenticationBlocked = 0x6983;
    public const ushort ConditionsNotSatisfied = 0x6985;
    public const ushort CommandNotAllowed = 0x6986;
    public const ushort FileNotFound = 0x6A82;
    public const ushort NotEnoughMemory = 0x6A84;
    public const ushort IncorrectP1P2 = 0x6A86;
    public const ushort WrongOffset = 0x6B00;
    public const ushort InsNotSupported = 0x6D00;
    public const ushort ClaNotSupported = 0x6E00;

    /// <summary><c>63 Cx</c>: verification failed, <paramref name="triesLeft"/> tries left.</summary>
    public static ushort VerificationFailed(int triesLeft) => (ushort)(0x63C0 | (triesLeft & 0x0F));

    /// <summary>The response APDU: <paramref name="data"/> ‖ SW1 ‖ SW2.</summary>
    public static byte[] Respond(ReadOnlySpan<byte> data, ushort statusWord)
    {
        var response = new byte[data.Length + 2];
        data.CopyTo(response);
        response[^2] = (byte)(statusWord >> 8);
        response[^1] = (byte)statusWord;
        return response;
    }

    public static byte[] Respond(ushort statusWord) => Respond([], statusWord);
}

using System.Globalization;

namespace Permit.CardAgent.IdCards.Vendor;

/// <summary>One vendor return code: what the vendor's manual calls it, and what the agent says and exits with.</summary>
public sealed record VendorReturnCode(int Code, string Vendor, string AgentCode, int ExitCode, string Message);

/// <summary>
/// Every return code of the <c>SDT_*</c> and <c>CVR_*</c> interfaces mapped to a plain-words agent error and an exit
/// code (the table in IdCards/Vendor/README.md is this list). A code no manual lists is reported with its number, exit 3.
/// </summary>
public static class VendorReturnCodes
{
    // SDT_*: 0x90 done, 0x9F card found; everything else is a failure (GA 467's reader return codes, as the SDKs list them).
    public const int SdtOk = 0x90;
    public const int SdtCardFound = 0x9F;

    // CVR_*: 1 done; the rest depend on the function (see Cvr).
    public const int CvrOk = 1;

    private const string Replug = "Check that the ID card reader is plugged in and that no other program is using it, then try again.";
    private const string PutBack = "Put the ID card flat on the reader and try again.";

    public static IReadOnlyList<VendorReturnCode> Sdt { get; } =
    [
        new(0x01, "port open failed", "no-reader", ExitCodes.NoReader, "The ID card reader could not be opened on its port. " + Replug),
        new(0x02, "port operation timed out", "reader-communication", ExitCodes.NoReader, "The ID card reader did not answer in time. " + Replug),
        new(0x03, "data transmission error", "reader-communication", ExitCodes.NoReader, "The exchange with the ID card reader failed. " + Replug),
        new(0x05, "security module port unusable", "reader-security-module", ExitCodes.NoReader, "The ID card reader's security module cannot be used. Restart the reader; if it stays so, call the reader's support."),
        new(0x09, "file open failed", "reader-communication", ExitCodes.NoReader, "The ID card reader library could not open its working files. Check the folder it runs in."),
        new(0x10, "checksum error in the reader's answer", "reader-communication", ExitCodes.NoReader, "The ID card reader's answer was damaged. " + Replug),
        new(0x11, "length error in the reader's answer", "reader-communication", ExitCodes.NoReader, "The ID card reader's answer was damaged. " + Replug),
        new(0x21, "command not recognised", "reader-communication", ExitCodes.NoReader, "The ID card reader did not understand the library's command (library and reader do not match)."),
        new(0x23, "command out of range", "reader-communication", ExitCodes.NoReader, "The ID card reader refused the library's command (library and reader do not match)."),
        new(0x24, "command not authorised", "reader-security-module", ExitCodes.NoReader, "The ID card reader refused the command: its security module is not authorised."),
        new(0x31, "card failed to authenticate the security module", "id-card-not-authenticated", ExitCodes.CardRefused, "The ID card and the reader's security module did not authenticate each other. " + PutBack + " A card that keeps failing may not be genuine."),
        new(0x32, "security module failed to authenticate the card", "id-card-not-authenticated", ExitCodes.CardRefused, "The ID card and the reader's security module did not authenticate each other. " + PutBack + " A card that keeps failing may not be genuine."),
        new(0x33, "information verification failed", "id-card-not-authenticated", ExitCodes.CardRefused, "The ID card's data did not verify in the reader's security module. " + PutBack + " A card that keeps failing may not be genuine."),
        new(0x40, "card type not recognised", "not-an-id-card", ExitCodes.WrongCard, "The card on the reader is not an ID card."),
        new(0x41, "card read failed", "card-removed", ExitCodes.NoCard, "The ID card was moved or removed before it was read. " + PutBack),
        new(0x47, "random number failed", "id-card-not-authenticated", ExitCodes.CardRefused, "The ID card did not answer the reader's challenge. " + PutBack),
        new(0x60, "security module self-check failed", "reader-security-module", ExitCodes.NoReader, "The ID card reader's security module failed its self-check. Restart the reader; if it stays so, call the reader's support."),
        new(0x66, "security module not authorised", "reader-security-module", ExitCodes.NoReader, "The ID card reader's security module is not authorised to read ID cards."),
        new(0x80, "no card found", "no-card", ExitCodes.NoCard, "There is no ID card on the reader. " + PutBack),
        new(0x81, "card select failed", "card-removed", ExitCodes.NoCard, "The ID card could not be selected (moved or removed?). " + PutBack),
        new(0x91, "no such content on the card", "id-card-malformed", ExitCodes.DataInvalid, "The ID card holds no personal data block."),
    ];

    /// <summary>By function: what 0, 2, 3, 4 mean differs between CVR_InitComm, CVR_Authenticate and CVR_Read_Content.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<VendorReturnCode>> Cvr { get; } = new Dictionary<string, IReadOnlyList<VendorReturnCode>>(StringComparer.Ordinal)
    {
        ["CVR_InitComm"] =
        [
            new(2, "port open failed", "no-reader", ExitCodes.NoReader, "The ID card reader could not be opened on its port. " + Replug),
            new(0, "library not ready", "vendor-library-unavailable", ExitCodes.NoReader, "The ID card reader library could not start (its own files are missing?)."),
            new(-1, "unknown error", "reader-communication", ExitCodes.NoReader, "The ID card reader failed to start. " + Replug),
            new(-2, "library not loaded", "vendor-library-unavailable", ExitCodes.NoReader, "The ID card reader library could not load its own parts."),
        ],
        ["CVR_Authenticate"] =
        [
            new(2, "no card found", "no-card", ExitCodes.NoCard, "There is no ID card on the reader. " + PutBack),
            new(3, "card select failed", "card-removed", ExitCodes.NoCard, "The ID card could not be selected (moved or removed?). " + PutBack),
            new(4, "reader not connected", "no-reader", ExitCodes.NoReader, "The ID card reader is not connected. " + Replug),
            new(0, "library not ready", "vendor-library-unavailable", ExitCodes.NoReader, "The ID card reader library was not started."),
        ],
        ["CVR_Read_Content"] =
        [
            new(0, "read failed", "card-removed", ExitCodes.NoCard, "The ID card was moved or removed before it was read. " + PutBack),
            new(4, "reader not connected", "no-reader", ExitCodes.NoReader, "The ID card reader is not connected. " + Replug),
            new(99, "other error", "reader-communication", ExitCodes.NoReader, "The ID card reader failed while reading. " + Replug),
        ],
    };

    /// <summary>The agent's error for an <c>SDT_*</c> function's failure.</summary>
    public static AgentException SdtFailure(string function, int code) =>
        Failure(function, code, Sdt.FirstOrDefault(c => c.Code == code), "0x" + code.ToString("X2", CultureInfo.InvariantCulture));

    /// <summary>The agent's error for a <c>CVR_*</c> function's failure.</summary>
    public static AgentException CvrFailure(string function, int code) =>
        Failure(function, code, Cvr.TryGetValue(function, out var codes) ? codes.FirstOrDefault(c => c.Code == code) : null,
            code.ToString(CultureInfo.InvariantCulture));

    private static AgentException Failure(string function, int code, VendorReturnCode? known, string shown) =>
        known is { } k
            ? new AgentException(k.AgentCode, k.ExitCode, $"{k.Message} ({function}: {shown})")
            : new AgentException("vendor-error", ExitCodes.NoReader,
                $"The ID card reader library failed ({function} answered {shown}, which its interface does not list). " + Replug);
}

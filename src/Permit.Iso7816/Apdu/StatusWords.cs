namespace Permit.Iso7816;

/// <summary>
/// Well-known status words of ISO/IEC 7816-4 (names as in vsmartcard's <c>SWutils.py</c>) and the SW1 values
/// whose SW2 carries a number (<c>61xx</c>, <c>63Cx</c>, <c>6Cxx</c>).
/// </summary>
public static class StatusWords
{
    public const int Success = 0x9000;

    /// <summary>SW1 <c>61</c>: SW2 more bytes are waiting; fetch them with GET RESPONSE (SW2 00 = 256 or more).</summary>
    public const byte BytesRemainingSW1 = 0x61;

    /// <summary>SW1 <c>6C</c>: wrong Le; SW2 is the exact length to ask for (00 = 256).</summary>
    public const byte WrongLeSW1 = 0x6C;

    /// <summary>SW1 <c>63</c> with SW2 <c>Cx</c>: verification failed, x tries left.</summary>
    public const byte WarningNonVolatileChangedSW1 = 0x63;

    public const int DataMayBeCorrupted = 0x6281;
    public const int EndOfFileReached = 0x6282;
    public const int SelectedFileDeactivated = 0x6283;
    public const int SelectedFileTerminated = 0x6285;
    public const int VerificationFailed = 0x6300;
    public const int ExecutionErrorMemoryUnchanged = 0x6400;
    public const int MemoryFailure = 0x6581;
    public const int WrongLength = 0x6700;
    public const int LogicalChannelNotSupported = 0x6881;
    public const int SecureMessagingNotSupported = 0x6882;
    public const int CommandChainingNotSupported = 0x6884;
    public const int SecurityStatusNotSatisfied = 0x6982;
    public const int AuthenticationMethodBlocked = 0x6983;
    public const int ReferenceDataNotUsable = 0x6984;
    public const int ConditionsOfUseNotSatisfied = 0x6985;
    public const int CommandNotAllowedNoCurrentEf = 0x6986;
    public const int SecureMessagingDataObjectsMissing = 0x6987;
    public const int SecureMessagingDataObjectsIncorrect = 0x6988;
    public const int IncorrectDataField = 0x6A80;
    public const int FunctionNotSupported = 0x6A81;
    public const int FileOrApplicationNotFound = 0x6A82;
    public const int RecordNotFound = 0x6A83;
    public const int NotEnoughMemory = 0x6A84;
    public const int IncorrectP1P2 = 0x6A86;
    public const int ReferencedDataNotFound = 0x6A88;
    public const int WrongP1P2 = 0x6B00;
    public const int InstructionNotSupported = 0x6D00;
    public const int ClassNotSupported = 0x6E00;
    public const int NoPreciseDiagnosis = 0x6F00;

    /// <summary>Whether <paramref name="statusWord"/> is <c>63Cx</c>, and if so how many tries are left.</summary>
    public static bool IsVerificationFailed(int statusWord, out int triesLeft)
    {
        if ((statusWord & 0xFFF0) == 0x63C0)
        {
            triesLeft = statusWord & 0x0F;
            return true;
        }

        triesLeft = 0;
        return false;
    }

    /// <summary>A short English meaning of a status word, for messages and logs.</summary>
    public static string Describe(int statusWord)
    {
        if (IsVerificationFailed(statusWord, out var tries))
            return $"verification failed, {tries} tries left";

        return (statusWord >> 8) switch
        {
            BytesRemainingSW1 => $"{ByteCount(statusWord)} more bytes available (GET RESPONSE)",
            WrongLeSW1 => $"wrong Le, exact length is {ByteCount(statusWord)}",
            _ => statusWord switch
            {
                Success => "success",
                DataMayBeCorrupted => "part of returned data may be corrupted",
                EndOfFileReached => "end of file reached before reading Le bytes",
                SelectedFileDeactivated => "selected file deactivated",
                SelectedFileTerminated => "selected file in termination state",
                VerificationFailed => "verification failed",
                ExecutionErrorMemoryUnchanged => "execution error, memory unchanged",
                MemoryFailure => "memory failure",
                WrongLength => "wrong length",
                LogicalChannelNotSupported => "logical channel not supported",
                SecureMessagingNotSupported => "secure messaging not supported",
                CommandChainingNotSupported => "command chaining not supported",
                SecurityStatusNotSatisfied => "security status not satisfied",
                AuthenticationMethodBlocked => "authentication method blocked",
                ReferenceDataNotUsable => "reference data not usable",
                ConditionsOfUseNotSatisfied => "conditions of use not satisfied",
                CommandNotAllowedNoCurrentEf => "command not allowed (no current EF)",
                SecureMessagingDataObjectsMissing => "expected secure messaging data objects missing",
                SecureMessagingDataObjectsIncorrect => "secure messaging data objects incorrect",
                IncorrectDataField => "incorrect parameters in the data field",
                FunctionNotSupported => "function not supported",
                FileOrApplicationNotFound => "file or application not found",
                RecordNotFound => "record not found",
                NotEnoughMemory => "not enough memory space in the file",
                IncorrectP1P2 => "incorrect parameters P1-P2",
                ReferencedDataNotFound => "referenced data not found",
                WrongP1P2 => "wrong parameters P1-P2 (offset outside the EF)",
                InstructionNotSupported => "instruction code not supported",
                ClassNotSupported => "class not supported",
                NoPreciseDiagnosis => "no precise diagnosis",
                _ => "unknown status",
            },
        };
    }

    private static int ByteCount(int statusWord) => (statusWord & 0xFF) == 0 ? 256 : statusWord & 0xFF;
}

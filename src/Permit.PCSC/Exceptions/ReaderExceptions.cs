namespace Permit.PCSC;

/// <summary><c>SCARD_E_UNKNOWN_READER</c>: No reader has that name.</summary>
public class UnknownReaderException : PcscException
{
    public UnknownReaderException() : this("No reader has that name.") { }

    public UnknownReaderException(string message) : base(SCardError.UnknownReader, message) { }

    public UnknownReaderException(string message, Exception innerException) : base(SCardError.UnknownReader, message, innerException) { }

    protected UnknownReaderException(SCardError error, string message) : base(error, message) { }

    protected UnknownReaderException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_E_READER_UNAVAILABLE</c>: The reader is no longer available (unplugged).</summary>
public class ReaderUnavailableException : PcscException
{
    public ReaderUnavailableException() : this("The reader is no longer available (unplugged).") { }

    public ReaderUnavailableException(string message) : base(SCardError.ReaderUnavailable, message) { }

    public ReaderUnavailableException(string message, Exception innerException) : base(SCardError.ReaderUnavailable, message, innerException) { }

    protected ReaderUnavailableException(SCardError error, string message) : base(error, message) { }

    protected ReaderUnavailableException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_E_NOT_READY</c>: The reader or card is not ready.</summary>
public class NotReadyException : PcscException
{
    public NotReadyException() : this("The reader or card is not ready.") { }

    public NotReadyException(string message) : base(SCardError.NotReady, message) { }

    public NotReadyException(string message, Exception innerException) : base(SCardError.NotReady, message, innerException) { }

    protected NotReadyException(SCardError error, string message) : base(error, message) { }

    protected NotReadyException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_E_SHARING_VIOLATION</c>: Another application holds the card exclusively.</summary>
public class SharingViolationException : PcscException
{
    public SharingViolationException() : this("Another application holds the card exclusively.") { }

    public SharingViolationException(string message) : base(SCardError.SharingViolation, message) { }

    public SharingViolationException(string message, Exception innerException) : base(SCardError.SharingViolation, message, innerException) { }

    protected SharingViolationException(SCardError error, string message) : base(error, message) { }

    protected SharingViolationException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

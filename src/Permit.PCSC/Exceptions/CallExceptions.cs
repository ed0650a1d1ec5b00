namespace Permit.PCSC;

/// <summary><c>SCARD_E_CANCELLED</c>: The wait was cancelled (SCardCancel).</summary>
public class CancelledException : PcscException
{
    public CancelledException() : this("The wait was cancelled (SCardCancel).") { }

    public CancelledException(string message) : base(SCardError.Cancelled, message) { }

    public CancelledException(string message, Exception innerException) : base(SCardError.Cancelled, message, innerException) { }

    protected CancelledException(SCardError error, string message) : base(error, message) { }

    protected CancelledException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_E_TIMEOUT</c>: The timeout expired before anything changed.</summary>
public class SCardTimeoutException : PcscException
{
    public SCardTimeoutException() : this("The timeout expired before anything changed.") { }

    public SCardTimeoutException(string message) : base(SCardError.Timeout, message) { }

    public SCardTimeoutException(string message, Exception innerException) : base(SCardError.Timeout, message, innerException) { }

    protected SCardTimeoutException(SCardError error, string message) : base(error, message) { }

    protected SCardTimeoutException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_E_INVALID_HANDLE</c>: The context or card handle is not valid (released, or the service restarted).</summary>
public class InvalidHandleException : PcscException
{
    public InvalidHandleException() : this("The context or card handle is not valid (released, or the service restarted).") { }

    public InvalidHandleException(string message) : base(SCardError.InvalidHandle, message) { }

    public InvalidHandleException(string message, Exception innerException) : base(SCardError.InvalidHandle, message, innerException) { }

    protected InvalidHandleException(SCardError error, string message) : base(error, message) { }

    protected InvalidHandleException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_E_INVALID_PARAMETER</c>: A parameter was refused (pcsc-lite: more than 16 reader states, for instance).</summary>
public class InvalidParameterException : PcscException
{
    public InvalidParameterException() : this("A parameter was refused (pcsc-lite: more than 16 reader states, for instance).") { }

    public InvalidParameterException(string message) : base(SCardError.InvalidParameter, message) { }

    public InvalidParameterException(string message, Exception innerException) : base(SCardError.InvalidParameter, message, innerException) { }

    protected InvalidParameterException(SCardError error, string message) : base(error, message) { }

    protected InvalidParameterException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_E_INVALID_VALUE</c>: A parameter value was refused.</summary>
public class InvalidValueException : PcscException
{
    public InvalidValueException() : this("A parameter value was refused.") { }

    public InvalidValueException(string message) : base(SCardError.InvalidValue, message) { }

    public InvalidValueException(string message, Exception innerException) : base(SCardError.InvalidValue, message, innerException) { }

    protected InvalidValueException(SCardError error, string message) : base(error, message) { }

    protected InvalidValueException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_E_INSUFFICIENT_BUFFER</c>: The receive buffer was too small for the answer.</summary>
public class InsufficientBufferException : PcscException
{
    public InsufficientBufferException() : this("The receive buffer was too small for the answer.") { }

    public InsufficientBufferException(string message) : base(SCardError.InsufficientBuffer, message) { }

    public InsufficientBufferException(string message, Exception innerException) : base(SCardError.InsufficientBuffer, message, innerException) { }

    protected InsufficientBufferException(SCardError error, string message) : base(error, message) { }

    protected InsufficientBufferException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_E_UNSUPPORTED_FEATURE</c>: The reader or service does not support this request.</summary>
public class UnsupportedFeatureException : PcscException
{
    public UnsupportedFeatureException() : this("The reader or service does not support this request.") { }

    public UnsupportedFeatureException(string message) : base(SCardError.UnsupportedFeature, message) { }

    public UnsupportedFeatureException(string message, Exception innerException) : base(SCardError.UnsupportedFeature, message, innerException) { }

    /// <summary>pcsc-lite and Windows use different codes for this error; the one returned is kept.</summary>
    public UnsupportedFeatureException(SCardError error, string message) : base(error, message) { }

    protected UnsupportedFeatureException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

namespace Permit.PCSC;

/// <summary><c>SCARD_E_NO_SERVICE</c>: The smart-card service (pcscd) is not running.</summary>
public class NoServiceException : PcscException
{
    public NoServiceException() : this("The smart-card service (pcscd) is not running.") { }

    public NoServiceException(string message) : base(SCardError.NoService, message) { }

    public NoServiceException(string message, Exception innerException) : base(SCardError.NoService, message, innerException) { }

    protected NoServiceException(SCardError error, string message) : base(error, message) { }

    protected NoServiceException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_E_SERVICE_STOPPED</c>: The smart-card service stopped (Windows stops it when the last reader leaves).</summary>
public class ServiceStoppedException : NoServiceException
{
    public ServiceStoppedException() : this("The smart-card service stopped (Windows stops it when the last reader leaves).") { }

    public ServiceStoppedException(string message) : base(SCardError.ServiceStopped, message) { }

    public ServiceStoppedException(string message, Exception innerException) : base(SCardError.ServiceStopped, message, innerException) { }

    protected ServiceStoppedException(SCardError error, string message) : base(error, message) { }

    protected ServiceStoppedException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_F_COMM_ERROR</c>: The connection to the smart-card service broke (pcscd stopped during the call).</summary>
public class CommunicationErrorException : PcscException
{
    public CommunicationErrorException() : this("The connection to the smart-card service broke (pcscd stopped during the call).") { }

    public CommunicationErrorException(string message) : base(SCardError.CommunicationError, message) { }

    public CommunicationErrorException(string message, Exception innerException) : base(SCardError.CommunicationError, message, innerException) { }

    protected CommunicationErrorException(SCardError error, string message) : base(error, message) { }

    protected CommunicationErrorException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_F_INTERNAL_ERROR</c>: The smart-card service reported an internal error.</summary>
public class InternalErrorException : PcscException
{
    public InternalErrorException() : this("The smart-card service reported an internal error.") { }

    public InternalErrorException(string message) : base(SCardError.InternalError, message) { }

    public InternalErrorException(string message, Exception innerException) : base(SCardError.InternalError, message, innerException) { }

    protected InternalErrorException(SCardError error, string message) : base(error, message) { }

    protected InternalErrorException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_E_NO_READERS_AVAILABLE</c>: No card reader is connected.</summary>
public class NoReadersAvailableException : PcscException
{
    public NoReadersAvailableException() : this("No card reader is connected.") { }

    public NoReadersAvailableException(string message) : base(SCardError.NoReadersAvailable, message) { }

    public NoReadersAvailableException(string message, Exception innerException) : base(SCardError.NoReadersAvailable, message, innerException) { }

    protected NoReadersAvailableException(SCardError error, string message) : base(error, message) { }

    protected NoReadersAvailableException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

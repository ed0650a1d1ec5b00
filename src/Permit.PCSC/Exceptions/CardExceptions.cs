namespace Permit.PCSC;

/// <summary><c>SCARD_E_NO_SMARTCARD</c>: No card is in the reader.</summary>
public class NoSmartcardException : PcscException
{
    public NoSmartcardException() : this("No card is in the reader.") { }

    public NoSmartcardException(string message) : base(SCardError.NoSmartcard, message) { }

    public NoSmartcardException(string message, Exception innerException) : base(SCardError.NoSmartcard, message, innerException) { }

    protected NoSmartcardException(SCardError error, string message) : base(error, message) { }

    protected NoSmartcardException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_E_UNKNOWN_CARD</c>: The card is not known.</summary>
public class UnknownCardException : PcscException
{
    public UnknownCardException() : this("The card is not known.") { }

    public UnknownCardException(string message) : base(SCardError.UnknownCard, message) { }

    public UnknownCardException(string message, Exception innerException) : base(SCardError.UnknownCard, message, innerException) { }

    protected UnknownCardException(SCardError error, string message) : base(error, message) { }

    protected UnknownCardException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_E_PROTO_MISMATCH</c>: The card does not speak the requested protocol.</summary>
public class ProtocolMismatchException : PcscException
{
    public ProtocolMismatchException() : this("The card does not speak the requested protocol.") { }

    public ProtocolMismatchException(string message) : base(SCardError.ProtocolMismatch, message) { }

    public ProtocolMismatchException(string message, Exception innerException) : base(SCardError.ProtocolMismatch, message, innerException) { }

    protected ProtocolMismatchException(SCardError error, string message) : base(error, message) { }

    protected ProtocolMismatchException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_W_UNRESPONSIVE_CARD</c>: The card does not answer a reset (inserted the wrong way round, or broken).</summary>
public class UnresponsiveCardException : PcscException
{
    public UnresponsiveCardException() : this("The card does not answer a reset (inserted the wrong way round, or broken).") { }

    public UnresponsiveCardException(string message) : base(SCardError.UnresponsiveCard, message) { }

    public UnresponsiveCardException(string message, Exception innerException) : base(SCardError.UnresponsiveCard, message, innerException) { }

    protected UnresponsiveCardException(SCardError error, string message) : base(error, message) { }

    protected UnresponsiveCardException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_W_UNPOWERED_CARD</c>: The card is not powered.</summary>
public class UnpoweredCardException : PcscException
{
    public UnpoweredCardException() : this("The card is not powered.") { }

    public UnpoweredCardException(string message) : base(SCardError.UnpoweredCard, message) { }

    public UnpoweredCardException(string message, Exception innerException) : base(SCardError.UnpoweredCard, message, innerException) { }

    protected UnpoweredCardException(SCardError error, string message) : base(error, message) { }

    protected UnpoweredCardException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

/// <summary><c>SCARD_W_RESET_CARD</c>: The card was reset (by another application); its state is lost, reconnect.</summary>
public class ResetCardException : PcscException
{
    public ResetCardException() : this("The card was reset (by another application); its state is lost, reconnect.") { }

    public ResetCardException(string message) : base(SCardError.ResetCard, message) { }

    public ResetCardException(string message, Exception innerException) : base(SCardError.ResetCard, message, innerException) { }

    protected ResetCardException(SCardError error, string message) : base(error, message) { }

    protected ResetCardException(SCardError error, string message, Exception innerException) : base(error, message, innerException) { }
}

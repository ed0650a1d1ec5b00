using Permit.Iso7816;

namespace Permit.PCSC;

/// <summary>
/// A PC/SC call failed. Each return code has its own subclass (see <see cref="SCardErrors.ToException"/>);
/// all are <see cref="CardCommunicationException"/>s, so code written against <see cref="ICardChannel"/> catches them.
/// </summary>
public class PcscException : CardCommunicationException, IPcscError
{
    public PcscException() : this(SCardError.UnknownError, "A PC/SC call failed.") { }

    public PcscException(string message) : this(SCardError.UnknownError, message) { }

    public PcscException(string message, Exception innerException) : this(SCardError.UnknownError, message, innerException) { }

    public PcscException(SCardError error, string message) : base(message) => ErrorCode = error;

    public PcscException(SCardError error, string message, Exception innerException) : base(message, innerException) => ErrorCode = error;

    /// <summary>The PC/SC return code.</summary>
    public SCardError ErrorCode { get; }
}

/// <summary>
/// <c>SCARD_W_REMOVED_CARD</c>: the card was pulled out, so the handle is dead.
/// A <see cref="CardRemovedException"/>, as <see cref="ICardChannel"/> promises.
/// </summary>
public class RemovedCardException : CardRemovedException, IPcscError
{
    public RemovedCardException() : base("The card was removed from the reader.") { }

    public RemovedCardException(string message) : base(message) { }

    public RemovedCardException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Always <see cref="SCardError.RemovedCard"/>.</summary>
    public SCardError ErrorCode => SCardError.RemovedCard;
}

/// <summary>The PC/SC return code carried by every exception of this binding.</summary>
public interface IPcscError
{
    SCardError ErrorCode { get; }
}

namespace Permit.Iso7816;

/// <summary>The transport to a card failed; the card's own answers are never reported this way.</summary>
public class CardCommunicationException : Exception
{
    public CardCommunicationException() { }

    public CardCommunicationException(string message) : base(message) { }

    public CardCommunicationException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>The card was pulled out (or lost power) during an exchange.</summary>
public class CardRemovedException : CardCommunicationException
{
    public CardRemovedException() : base("The card was removed from the reader.") { }

    public CardRemovedException(string message) : base(message) { }

    public CardRemovedException(string message, Exception innerException) : base(message, innerException) { }
}

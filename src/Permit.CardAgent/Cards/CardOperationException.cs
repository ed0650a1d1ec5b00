namespace Permit.CardAgent.Cards;

/// <summary>
/// A card answered in a way that ends the operation. <see cref="Code"/> is stable (scripts and the web pages
/// branch on it); the message is written for the officer or nurse at the counter.
/// </summary>
public sealed class CardOperationException : Exception
{
    public CardOperationException(string code, string message, int? statusWord = null) : base(message)
    {
        Code = code;
        StatusWord = statusWord;
    }

    public CardOperationException() : this("card-error", "The card operation failed.") { }

    public CardOperationException(string message) : this("card-error", message) { }

    public CardOperationException(string message, Exception innerException) : base(message, innerException) => Code = "card-error";

    public string Code { get; }

    /// <summary>The status word that ended the operation, when a card answer did.</summary>
    public int? StatusWord { get; }

    /// <summary>Tries left for the transport code when <see cref="Code"/> is <c>transport-code-wrong</c>.</summary>
    public int? TriesLeft { get; init; }
}

namespace Permit.CardAgent.Events;

/// <summary>
/// A card or reader event as <c>watch</c> and <c>GET /events</c> report it.
/// <see cref="Type"/>: <c>reader-attached</c>, <c>reader-detached</c>, <c>card-inserted</c>, <c>card-removed</c>,
/// <c>service-lost</c> (pcscd stopped; readers come back as <c>reader-attached</c> when it returns).
/// <see cref="Initial"/> marks what was already there when watching began.
/// <c>personalize-step</c> (loopback service only): one step of an API-backed personalization, <see cref="Step"/> one of
/// <see cref="Issuing.PersonalizationSteps"/>, with the permit; <see cref="Status"/> <c>running</c>, <c>done</c> or
/// <c>failed</c>; for <c>failed</c> the step it failed in, the failure's code and reason.
/// </summary>
public sealed record AgentEvent(string Type, string? Reader, string? Atr, bool Initial, DateTimeOffset At)
{
    public const string Personalization = "personalize-step";

    public const string ReaderAttached = "reader-attached";
    public const string ReaderDetached = "reader-detached";
    public const string CardInserted = "card-inserted";
    public const string CardRemoved = "card-removed";
    public const string ServiceLost = "service-lost";

    public string? Step { get; init; }

    /// <summary><c>running</c> (the step has begun), <c>done</c> (step <c>done</c>) or <c>failed</c> (step <c>failed</c>).</summary>
    public string? Status { get; init; }

    /// <summary>For <c>failed</c>: the step that was running when it failed.</summary>
    public string? FailedStep { get; init; }

    public string? PermitNumber { get; init; }

    public int? CardSequence { get; init; }

    /// <summary>For <c>failed</c>: the failure's stable code (as in the problem's <c>type</c>).</summary>
    public string? Code { get; init; }

    /// <summary>For <c>failed</c>: the message for the officer.</summary>
    public string? Reason { get; init; }

    /// <summary>One line for a person.</summary>
    public string Describe() => Type switch
    {
        ReaderAttached when Initial => $"reader \"{Reader}\" is attached",
        ReaderAttached => $"reader \"{Reader}\" attached",
        ReaderDetached => $"reader \"{Reader}\" detached",
        CardInserted when Initial => $"a card is in \"{Reader}\" (ATR {Atr})",
        CardInserted => $"card inserted into \"{Reader}\" (ATR {Atr})",
        CardRemoved => $"card removed from \"{Reader}\"",
        ServiceLost => "the smart-card service is not running; waiting for it to come back",
        Personalization => Reason is null ? $"personalization: {Step}" : $"personalization: {Step} ({Reason})",
        _ => Type,
    };
}

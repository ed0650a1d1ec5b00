namespace Permit.Api.Features.Permits.Idempotency;

/// <summary>
/// The first successful answer to a request carrying an <c>Idempotency-Key</c>, kept so that a client retrying
/// after a lost answer gets the same answer again instead of a second permit or a second set of card files.
/// Written in the same save as the change it answers for: no change, no record.
/// <para>The answer can hold a whole card file (ID number, addresses), so it is stored sealed with the field key
/// (<see cref="Security.Fields.CitizenIdProtector.ProtectText"/>, bound to scope, key and caller), replays only to the
/// caller that made it, and is kept for <see cref="Lifetime"/>: <c>ExpiredIdempotentAnswersJob</c> deletes it after.</para>
/// </summary>
public sealed class IdempotentRequest
{
    public const int MaxKeyLength = 100;
    public const int MaxCallerLength = 120;

    /// <summary>How long a client may retry with the same key; older answers are neither replayed nor kept.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private IdempotentRequest()
    {
        Scope = Key = CallerId = RequestHash = ResponseJson = null!;
    }

    public IdempotentRequest(string scope, string key, string callerId, string requestHash, int statusCode, string responseJson, DateTimeOffset createdAt)
    {
        Scope = scope;
        Key = key;
        CallerId = callerId;
        RequestHash = requestHash;
        StatusCode = statusCode;
        ResponseJson = responseJson;
        CreatedAt = createdAt;
    }

    /// <summary>Which operation the key belongs to, e.g. <c>permit.issue</c>: the same key may be reused elsewhere.</summary>
    public string Scope { get; private set; }

    public string Key { get; private set; }

    /// <summary>Who made the request (the officer's account id, or the terminal's): only they get the answer again.</summary>
    public string CallerId { get; private set; }

    /// <summary>SHA-256 (hex) of the route and the request body: the same key with another body is refused.</summary>
    public string RequestHash { get; private set; }

    public int StatusCode { get; private set; }

    /// <summary>The answer's JSON sealed with the field key (<c>v&lt;version&gt;:…</c>), never the JSON itself.</summary>
    public string ResponseJson { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

namespace Permit.Api.Features.Permits.Idempotency;

/// <summary>
/// The first successful answer to a request carrying an <c>Idempotency-Key</c>, kept so that a client retrying
/// after a lost answer gets the same answer again instead of a second permit or a second set of card files.
/// Written in the same save as the change it answers for: no change, no record.
/// </summary>
public sealed class IdempotentRequest
{
    public const int MaxKeyLength = 100;

    private IdempotentRequest()
    {
        Scope = Key = RequestHash = ResponseJson = null!;
    }

    public IdempotentRequest(string scope, string key, string requestHash, int statusCode, string responseJson, DateTimeOffset createdAt)
    {
        Scope = scope;
        Key = key;
        RequestHash = requestHash;
        StatusCode = statusCode;
        ResponseJson = responseJson;
        CreatedAt = createdAt;
    }

    /// <summary>Which operation the key belongs to, e.g. <c>permit.issue</c>: the same key may be reused elsewhere.</summary>
    public string Scope { get; private set; }

    public string Key { get; private set; }

    /// <summary>SHA-256 (hex) of the route and the request body: the same key with another body is refused.</summary>
    public string RequestHash { get; private set; }

    public int StatusCode { get; private set; }

    public string ResponseJson { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}

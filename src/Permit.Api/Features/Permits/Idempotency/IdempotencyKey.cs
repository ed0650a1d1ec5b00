using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Permit.Api.Security.Authorization;

namespace Permit.Api.Features.Permits.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> of one request: looks up an earlier answer, and remembers this one in the same save.
/// The same key with the same route and body replays the first answer; with a different body it is refused (422);
/// from another caller it is refused (409) without a word of the answer. Answers older than
/// <see cref="IdempotentRequest.Lifetime"/> count as gone.
/// </summary>
public sealed class IdempotencyKey
{
    public const string HeaderName = "Idempotency-Key";

    private static readonly JsonSerializerOptions Fingerprint = new(JsonSerializerDefaults.Web);

    // The answer is stored exactly as the API writes it, so a replay is byte for byte the first answer.
    private readonly JsonSerializerOptions _answers;

    private readonly DateTimeOffset _receivedAt;

    private IdempotencyKey(string scope, string key, string callerId, string requestHash, JsonSerializerOptions answers, DateTimeOffset receivedAt)
    {
        _receivedAt = receivedAt;
        Scope = scope;
        Key = key;
        CallerId = callerId;
        RequestHash = requestHash;
        _answers = answers;
    }

    public string Scope { get; }

    public string Key { get; }

    public string CallerId { get; }

    public string RequestHash { get; }

    // The sealed answer is bound to its row: copied to another scope, key or caller it no longer opens.
    private string Purpose => $"permit/idempotent-answer\n{Scope}\n{Key}\n{CallerId}";

    /// <summary>
    /// The key the request carries (null without the header), or a validation problem when the header is empty or too
    /// long. <paramref name="request"/> is what the body bound to; with the route it makes the request's fingerprint.
    /// </summary>
    public static (IdempotencyKey? Key, ProblemHttpResult? Problem) FromRequest<TRequest>(HttpContext http, string scope, TRequest request)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Headers.TryGetValue(HeaderName, out var values))
            return (null, null);
        var key = values.ToString().Trim();
        if (key.Length is 0 or > IdempotentRequest.MaxKeyLength)
        {
            return (null, Problems.Problem("idempotency-key-invalid",
                $"The {HeaderName} header must hold 1 to {IdempotentRequest.MaxKeyLength} characters."));
        }

        var fingerprint = http.Request.Path.Value + "\n" + JsonSerializer.Serialize(request, Fingerprint);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fingerprint)));
        var answers = http.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? Fingerprint;
        var now = (http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow();
        return (new IdempotencyKey(scope, key, CallerOf(http.User), hash, answers, now), null);
    }

    /// <summary>The earlier answer to replay, a 422 problem when the key was used with another body, or null (run it).</summary>
    public async Task<IResult?> FindEarlierAnswerAsync(PermitDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var earlier = await db.Set<IdempotentRequest>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.Scope == Scope && r.Key == Key, cancellationToken);
        if (earlier is null)
            return null;
        if (earlier.CreatedAt <= _receivedAt - IdempotentRequest.Lifetime)
        {
            // Expired but not yet swept by the job: forget it now so this request runs and can remember its own answer.
            await db.Set<IdempotentRequest>().Where(r => r.Scope == Scope && r.Key == Key && r.CreatedAt == earlier.CreatedAt)
                .ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        if (earlier.CallerId != CallerId)
        {
            return Problems.Problem("idempotency-key-other-caller",
                $"This {HeaderName} belongs to another caller's request; choose a key of your own.");
        }

        if (earlier.RequestHash != RequestHash)
        {
            return Problems.Problem("idempotency-key-reused",
                $"This {HeaderName} was already used for a different request.");
        }

        var json = db.RequireCitizenIdProtector().UnprotectText(earlier.ResponseJson, Purpose);
        return TypedResults.Content(json, "application/json", Encoding.UTF8, earlier.StatusCode);
    }

    /// <summary>Adds the answer to the context; it is written by the same save as the change.</summary>
    public void Remember(PermitDbContext db, int statusCode, object response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        var json = JsonSerializer.Serialize(response, response.GetType(), _answers);
        var sealedJson = db.RequireCitizenIdProtector().ProtectText(json, Purpose);
        db.Add(new IdempotentRequest(Scope, Key, CallerId, RequestHash, statusCode, sealedJson, now));
    }

    // The officer's or migrant's account id, else the terminal's id: the same identity the audit trail records.
    private static string CallerOf(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(PermitClaims.Subject) ?? user.FindFirstValue(PermitClaims.TerminalId) ?? "anonymous";
        return id.Length > IdempotentRequest.MaxCallerLength ? id[..IdempotentRequest.MaxCallerLength] : id;
    }
}

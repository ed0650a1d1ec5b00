using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Permit.Contracts.Personalization;

namespace Permit.CardAgent.Issuing;

/// <summary>
/// The permit API as the agent calls it: the officer's sign-in, the permit, the two personalization calls and the
/// published trust list. Every failure becomes an <see cref="AgentException"/> saying what the officer can do; the
/// bearer token is sent in the header only and never appears in a message.
/// </summary>
public sealed class PermitApiClient
{
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>A counter terminal's credential (its API key), used by <c>pair --terminal</c> only.</summary>
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The scheme a page's personalize ticket is sent with to the API.</summary>
    public const string TicketScheme = "PermitAgentTicket";

    private readonly HttpClient _http;
    private readonly string? _token;
    private readonly string _scheme;

    /// <param name="http">A client whose <see cref="HttpClient.BaseAddress"/> is the API's root (<c>https://host/</c>).</param>
    /// <param name="scheme"><c>Bearer</c> (an officer's token, the CLI) or <c>PermitAgentTicket</c> (a page's personalize ticket).</param>
    public PermitApiClient(HttpClient http, string? token, string scheme = "Bearer")
    {
        ArgumentNullException.ThrowIfNull(http);
        _http = http;
        _token = token;
        _scheme = scheme;
    }

    public Uri Api => _http.BaseAddress!;

    /// <summary>An absolute http(s) URL; the API's paths are resolved against it (a trailing slash is added).</summary>
    /// <exception cref="AgentException"><c>usage</c>.</exception>
    public static Uri ParseApiUrl(string text, string option)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query))
            throw AgentException.Usage($"{option} must be the permit API's http:// or https:// address, e.g. https://permits.example/.");
        return uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri + "/");
    }

    /// <summary>POST /api/auth/token: an officer's bearer token for a user name and password.</summary>
    public async Task<string> SignInAsync(string userName, string password, CancellationToken cancellationToken)
    {
        var token = await SendAsync<IssuedToken>(HttpMethod.Post, "api/auth/token", new { userName, password }, idempotent: false, cancellationToken)
            .ConfigureAwait(false);
        return token.AccessToken;
    }

    /// <summary>POST /api/agents: registers this agent; the answer names its id and the keys to pin.</summary>
    public Task<PairingAnswer> PairAsync(string name, CancellationToken cancellationToken) =>
        SendAsync<PairingAnswer>(HttpMethod.Post, "api/agents", new { name }, idempotent: false, cancellationToken);

    public Task<PermitState> GetPermitAsync(string permitNumber, CancellationToken cancellationToken) =>
        SendAsync<PermitState>(HttpMethod.Get, PermitPath(permitNumber), body: null, idempotent: false, cancellationToken);

    /// <summary>Step 1 → 2 of the handshake: the chip's serial and EF.CHIPKEY in, the signed files out.</summary>
    public Task<IssuedCardFiles> PrepareAsync(string permitNumber, int cardSequence, string serialHex, byte[] chipKeyFile, CancellationToken cancellationToken) =>
        SendAsync<IssuedCardFiles>(HttpMethod.Post, $"{PermitPath(permitNumber)}/cards/{cardSequence}/personalization",
            new PersonalizationRequest(serialHex, Convert.ToBase64String(chipKeyFile)), idempotent: true, cancellationToken);

    /// <summary>POST /api/permits/{n}/cards/{seq}/challenge: a fresh, single-use challenge for the chip being written to sign
    /// (the card's own route, which the personalize ticket may call; <c>/api/card-challenges</c> is the same for officers).</summary>
    public async Task<byte[]> GetChallengeAsync(string permitNumber, int cardSequence, CancellationToken cancellationToken)
    {
        var issued = await SendAsync<IssuedChallenge>(HttpMethod.Post, $"{PermitPath(permitNumber)}/cards/{cardSequence}/challenge", new { }, idempotent: false, cancellationToken).ConfigureAwait(false);
        try
        {
            var challenge = Convert.FromBase64String(issued.Challenge);
            if (challenge.Length is >= Domain.Credentials.Card.ActiveAuthentication.MinChallengeLength and <= Domain.Credentials.Card.ActiveAuthentication.MaxChallengeLength)
                return challenge;
        }
        catch (FormatException)
        {
            // Reported below, as any other unusable answer.
        }

        throw Unavailable("api-answer-invalid", $"The permit API at {Api} answered the challenge request with something that is not a challenge.", null);
    }

    /// <summary>
    /// Step 3: the activated card's serial, the hashes of what was read back, and the chip's answer to
    /// <paramref name="challenge"/> (from <see cref="GetChallengeAsync"/>); only this makes the card issued.
    /// </summary>
    public Task<CardConfirmation> ConfirmAsync(
        string permitNumber, int cardSequence, string serialHex, ReadBackHashes hashes, byte[] challenge, byte[] response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(response);
        return SendAsync<CardConfirmation>(HttpMethod.Post, $"{PermitPath(permitNumber)}/cards/{cardSequence}/confirmation",
            new CardConfirmationRequest(serialHex, hashes.PermitFileSha256, hashes.PhotoFileSha256, hashes.ChipKeyFileSha256,
                hashes.SignatureFileSha256, Convert.ToBase64String(challenge), Convert.ToBase64String(response)), idempotent: true, cancellationToken);
    }

    /// <summary>GET /api/revocation-list (anonymous): the signed list's bytes, to be verified by the caller.</summary>
    public Task<byte[]> GetRevocationListAsync(CancellationToken cancellationToken) =>
        GetSignedFileAsync(new Uri("api/revocation-list", UriKind.Relative), Domain.Credentials.Revocation.RevocationListCodec.MaxBytes, cancellationToken);

    /// <summary>
    /// GET /api/trust-list (anonymous): the root-signed trust list's bytes (COSE_Sign1), to be verified by the caller
    /// against the trust root it pinned; the API's word alone proves nothing.
    /// </summary>
    public Task<byte[]> GetSignedTrustListAsync(CancellationToken cancellationToken) =>
        GetSignedFileAsync(new Uri("api/trust-list", UriKind.Relative), Domain.Credentials.Trust.TrustListCodec.MaxBytes, cancellationToken);

    /// <summary>GET /api/status-list (anonymous): the full status list v2's bytes, or null from an API that serves no v2 (404).</summary>
    public async Task<byte[]?> GetStatusListAsync(CancellationToken cancellationToken) =>
        (await FetchSignedFileAsync(new Uri("api/status-list", UriKind.Relative), Domain.Credentials.Status.StatusListCodec.MaxBytes,
            HttpStatusCode.NotFound, cancellationToken).ConfigureAwait(false)).Body;

    /// <summary>
    /// GET /api/status-list/delta?base=N (anonymous): the signed delta from full list N to the latest; null body with
    /// 304 when N is the latest, with 404 when the API makes no delta from N (the caller takes the full list).
    /// </summary>
    public Task<(HttpStatusCode Status, byte[]? Body)> GetStatusDeltaAsync(long baseNumber, CancellationToken cancellationToken) =>
        FetchSignedFileAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"api/status-list/delta?base={baseNumber}"), UriKind.Relative),
            Domain.Credentials.Status.StatusDeltaCodec.MaxBytes, HttpStatusCode.NotFound, cancellationToken);

    /// <summary>A signed file at any address (a trust list published elsewhere), anonymously, at most <paramref name="maxBytes"/>.</summary>
    public async Task<byte[]> GetSignedFileAsync(Uri url, int maxBytes, CancellationToken cancellationToken) =>
        (await FetchSignedFileAsync(url, maxBytes, tolerated: null, cancellationToken).ConfigureAwait(false)).Body!;

    // A 304 and the one tolerated status come back without a body; any other failure is thrown as the agent's error.
    private async Task<(HttpStatusCode Status, byte[]? Body)> FetchSignedFileAsync(Uri url, int maxBytes, HttpStatusCode? tolerated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var path = url.ToString();
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Unavailable("api-unreachable", $"The permit API at {Api} cannot be reached ({e.Message}). Check the address and the network, then repeat.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable("api-timeout", $"The permit API at {Api} did not answer in time. Repeat the command; nothing is lost.", e);
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw Unavailable("api-timeout", $"The permit API at {Api} did not answer in time. Repeat the command; nothing is lost.", e);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException e)
        {
            // ApiResilience's breaker: the API failed again and again, so the agent rests it for a few seconds.
            throw Unavailable("api-unavailable", $"The permit API at {Api} failed several times in a row; the agent waits a few seconds before calling it again. Repeat shortly; nothing is lost.", e);
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotModified || response.StatusCode == tolerated)
                return (response.StatusCode, null);
            if (!response.IsSuccessStatusCode)
                throw await RefusalAsync(response, path, cancellationToken).ConfigureAwait(false);
            // The codecs refuse anything over their limit; do not buffer more than that from a misbehaving server.
            if (response.Content.Headers.ContentLength > maxBytes)
                throw Unavailable("api-answer-invalid", $"The permit API at {Api} answered {path} with more than the file can hold.", null);
            return (response.StatusCode, await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>Any JSON document at <paramref name="url"/> (a trust list published elsewhere), anonymously.</summary>
    public async Task<string> GetJsonAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var element = await SendAsync<JsonElement>(HttpMethod.Get, url.ToString(), body: null, idempotent: false, cancellationToken).ConfigureAwait(false);
        return element.GetRawText();
    }

    private static string PermitPath(string permitNumber) => "api/permits/" + Uri.EscapeDataString(permitNumber.Trim());

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, bool idempotent, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            var json = JsonSerializer.Serialize(body, AgentJson.Line);
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
            // Derived from the request itself: a repeat of the same call (a timeout, a re-run after the answer was lost)
            // replays the API's first answer, while a new chip key is a new request.
            if (idempotent)
                request.Headers.Add(IdempotencyHeader, "permit-agent-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path + "\n" + json)))[..40]);
        }

        if (_token is not null && _scheme == ApiKeyHeader)
            request.Headers.Add(ApiKeyHeader, _token);
        else if (_token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue(_scheme, _token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Unavailable("api-unreachable", $"The permit API at {Api} cannot be reached ({e.Message}). Check the address and the network, then repeat.", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable("api-timeout", $"The permit API at {Api} did not answer in time. Repeat the command; nothing is lost.", e);
        }
        catch (Polly.Timeout.TimeoutRejectedException e)
        {
            throw Unavailable("api-timeout", $"The permit API at {Api} did not answer in time. Repeat the command; nothing is lost.", e);
        }
        catch (Polly.CircuitBreaker.BrokenCircuitException e)
        {
            // ApiResilience's breaker: the API failed again and again, so the agent rests it for a few seconds.
            throw Unavailable("api-unavailable", $"The permit API at {Api} failed several times in a row; the agent waits a few seconds before calling it again. Repeat shortly; nothing is lost.", e);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw await RefusalAsync(response, path, cancellationToken).ConfigureAwait(false);
            try
            {
                return await response.Content.ReadFromJsonAsync<T>(AgentJson.Input, cancellationToken).ConfigureAwait(false)
                    ?? throw new JsonException("empty answer");
            }
            catch (JsonException e)
            {
                throw Unavailable("api-answer-invalid", $"The permit API at {Api} answered {path} with something that is not the expected JSON; is it the permit API?", e);
            }
        }
    }

    private async Task<AgentException> RefusalAsync(HttpResponseMessage response, string path, CancellationToken cancellationToken)
    {
        var problem = await ApiProblem.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Refused("api-unauthorized", 401,
                "The permit API did not accept the sign-in: the token is missing, wrong or expired, or the user name or password is wrong. Sign in again."),
            HttpStatusCode.Forbidden => Refused("api-forbidden", 403,
                "The signed-in account may not do this: personalizing cards needs an officer (registrar, supervisor or admin)."),
            HttpStatusCode.NotFound when problem.Code == "permit-not-found" => Refused("permit-not-found", 404,
                $"The permit API knows no such permit ({problem.Title ?? "not found"}). Check the permit number."),
            HttpStatusCode.NotFound => Unavailable("api-not-found", $"The permit API at {Api} has no {path}: is this the permit API's address?", null),
            _ when status >= 500 => Unavailable("api-failed", $"The permit API failed ({status} {problem.Title}). Repeat in a moment; nothing is lost.", null),
            _ => problem.Code switch
            {
                "card-serial-mismatch" or "card-files-mismatch" => new AgentException("wrong-card", ExitCodes.WrongCard,
                    $"This is not the card the permit API issued for this permit: {problem.Title} Use the card that was being personalized, or a blank one.") { HttpStatus = 409 },
                "card-chip-bound" => Refused("card-chip-bound", 409,
                    "This card already has files for another chip. A card pulled out before activation makes a new key when it is " +
                    "personalized again, so it counts as another chip too. Abandon the earlier chip first (the permit page's " +
                    "\"Abandon the earlier chip\", with a reason), then run the same command again."),
                "card-chip-key-used" => Refused("card-chip-key-used", 409,
                    $"The permit API refused this chip's key: {problem.Title} Take the card out, put it back and run the command again (a new key is made)."),
                "card-chip-not-proven" => new AgentException("wrong-card", ExitCodes.WrongCard,
                    $"This chip did not prove it holds the key its files were signed for: {problem.Title}") { HttpStatus = 409 },
                "card-already-issued" or "card-not-current" or "permit-already-ended" => Refused("permit-not-pending", 409,
                    $"The permit has no card waiting to be personalized: {problem.Title}"),
                _ => Refused("api-" + (problem.Code ?? "refused"), status is 400 or 422 ? 422 : 409,
                    $"The permit API refused ({status}): {problem.Describe()}"),
            },
        };
    }

    private static AgentException Refused(string code, int httpStatus, string message) =>
        new(code, ExitCodes.ApiRefused, message) { HttpStatus = httpStatus };

    private static AgentException Unavailable(string code, string message, Exception? inner) =>
        new(code, ExitCodes.ApiUnavailable, message, inner) { HttpStatus = 502 };
}

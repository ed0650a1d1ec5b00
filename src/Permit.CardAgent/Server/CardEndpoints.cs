using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Permit.CardAgent.Cli;
using Permit.CardAgent.IdCards;
using Permit.CardAgent.Personalization;
using Permit.CardAgent.Terminals;
using Permit.CardAgent.Verification;
using Permit.Domain.Credentials.Signing;

namespace Permit.CardAgent.Server;

public sealed record ReadersResponse(IReadOnlyList<ReaderJson> Readers);

public sealed record ReaderJson(string Name, bool CardPresent, string? Atr);

/// <param name="Challenge">For <c>/permit-card/read</c>: a challenge from the permit API (<c>POST /api/card-challenges</c>,
/// base64, 8..32 bytes) for the chip to answer; the answer comes back in <c>chip</c> for the API's card lookup.</param>
public sealed record ReadRequest(string? Reader, bool WithPhoto = false, string? Challenge = null);

/// <param name="Photo">The photo as a page shows it (JPEG, or PNG made from a BMP), base64; none when <paramref name="PhotoStatus"/> is not <c>decoded</c>.</param>
/// <param name="PhotoStatus"><c>decoded</c>, <c>not-decodable</c> or <c>absent</c>.</param>
/// <param name="SealedIdCard">At a counter: the ID number and the API's challenge sealed for the paired API, instead of the fields (see <see cref="CounterIdCardView"/>).</param>
public sealed record IdCardResponse(string Reader, IdCardReport Card, string? Photo, FiguresJson Figures, string PhotoStatus, string? SealedIdCard = null);

/// <summary>
/// <c>POST /permit-card/read</c>: the agent's verdict, and (<see cref="Files"/>, <see cref="Verdict"/>,
/// <see cref="Chip"/>) what the permit API's card lookup takes as is, so a page forwards them without reshaping.
/// </summary>
/// <param name="SealedFiles">At a counter: the files sealed for the paired API instead of <paramref name="Files"/> (see <see cref="CounterView"/>).</param>
public sealed record PermitCardResponse(string Reader, VerdictJson Verdict, string? Photo, FiguresJson Figures, CardFilesJson? Files, ChipExchangeJson Chip,
    string? SealedFiles = null);

/// <param name="Permit">The permit.json fields (local data, signed with the agent's issuer key), or a permit number
/// (the permit API at <paramref name="Api"/> signs and records the card; <paramref name="Token"/> is the officer's).</param>
/// <param name="Photo">The JPEG, base64; none = EF.PHOTO holds <c>5F 2E 00</c>. Local data only.</param>
/// <param name="TransportCode">16 hex digits; none = the manufacturer's default.</param>
public sealed record PersonalizeRequest(string? Reader, JsonElement? Permit, string? Photo, string? TransportCode, string? Api = null, string? Token = null)
{
    // The token is a credential: never in a log line or an exception message that prints the request.
    public override string ToString() => $"PersonalizeRequest {{ Reader = {Reader}, Api = {Api} }}";
}

public sealed record PersonalizeResponse(string Reader, string Status, string PermitNumber, int CardSequence, string IssuerKeyId, FiguresJson Figures);

/// <summary>The card endpoints of the loopback service; each is one use case of <see cref="CardOperations"/>.</summary>
internal static class CardEndpoints
{
    public static void MapReaderEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/readers", (CardOperations operations) => AgentProblems.RunAsync(() =>
            new ReadersResponse([.. operations.ListReaders().Select(r => new ReaderJson(r.Name, r.CardPresent, r.CardPresent ? r.AtrHex : null))])));

    public static void MapIdCardEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/id-card/read", (HttpContext http, ReadRequest? request, CardOperations operations) => AgentProblems.RunAsync(() =>
        {
            if (CounterView.Applies(AgentGate.Ticket(http), AgentGate.Pairing(http)))
            {
                // At a counter: the API's challenge is checked before the card is touched; the fields never leave sealed.
                var challenge = ServerChallenge(request?.Challenge)
                    ?? throw Failures.AgentException.Usage("At a counter an ID card read needs the permit API's challenge (POST /api/card-challenges) as \"challenge\".");
                return CounterIdCardView.Read(operations.ReadIdCard(request?.Reader), challenge, AgentGate.Pairing(http)!);
            }

            var result = operations.ReadIdCard(request?.Reader);
            return new IdCardResponse(result.Reader, result.Card,
                result.Display.Image.Length > 0 ? Convert.ToBase64String(result.Display.Image) : null, FiguresJson.From(result.Figures), result.Display.Status);
        }));

    public static void MapPermitCardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/permit-card/read", async Task<Results<Ok<PermitCardResponse>, ProblemHttpResult>> (
            HttpContext http, ReadRequest? request, CardOperations operations, AgentHost host) =>
        {
            var counter = CounterView.Applies(AgentGate.Ticket(http), AgentGate.Pairing(http)) ? AgentGate.Pairing(http) : null;
            var settings = operations.Settings;
            var store = Offline.AgentState.Store(null, host);
            if (settings.TrustedIssuerKeyFiles.Count == 0 && !File.Exists(Path.Combine(store.Directory, Offline.OfflineStore.TrustListFile)))
                return AgentProblems.NotConfigured("no trusted issuer keys (Agent:TrustedIssuerKeyFiles, or run permit-agent sync)");

            return await AgentProblems.RunAsync(() =>
            {
                // Configured key files win; otherwise the lists the last sync stored (offline verification).
                var setup = settings.TrustedIssuerKeyFiles.Count > 0
                    ? VerifierFiles.Load(settings.TrustedIssuerKeyFiles, settings.RevocationFile, grace: settings.RevocationGrace)
                    : Offline.OfflineVerifier.Load(store, "permit-card/read");
                var result = operations.ReadPermitCard(request?.Reader, setup, request?.WithPhoto ?? false, ServerChallenge(request?.Challenge));
                var photo = result.Check.Photo is { Length: > 0 } jpeg ? Convert.ToBase64String(jpeg) : null;
                var read = new PermitCardResponse(result.Reader, VerdictJson.From(result.Check.Verdict), photo, FiguresJson.From(result.Figures),
                    CardFilesJson.From(result.Check.Files), ChipExchangeJson.From(result.Check.Chip));
                return counter is null ? read : CounterView.Redact(read, counter);
            }).ConfigureAwait(false);
        });

        app.MapPost("/permit-card/personalize", async Task<IResult> (
            HttpContext http, PersonalizeRequest request, CardOperations operations, AgentHost host, Events.CardEventHub hub) =>
        {
            if (request.Permit is { ValueKind: JsonValueKind.String } number)
                return (await ApiPersonalizationEndpoint.HandleAsync(http, request, number.GetString()!.Trim(), operations, host, hub).ConfigureAwait(false)).Result;
            if (operations.Settings.IssuerKeyFile is not { } keyFile)
                return AgentProblems.NotConfigured("no issuer key (Agent:IssuerKeyFile)");

            return await AgentProblems.RunAsync(() =>
            {
                var permit = request.Permit is { ValueKind: JsonValueKind.Object } fields
                    ? PermitJson.Parse(fields.GetRawText())
                    : throw Failures.AgentException.DataInvalid("The request has no \"permit\" object (or permit number with \"api\").");
                var photo = request.Photo is null ? Domain.Credentials.Card.PhotoFile.Encode([]) : EncodePhoto(request.Photo);
                var code = request.TransportCode is null ? PersonalizationInput.DefaultTransportCode : KeyFiles.ParseTransportCode(request.TransportCode);
                using var key = KeyFiles.LoadIssuerPrivateKey(keyFile);
                var result = operations.Personalize(request.Reader, new PersonalizationInput(permit, photo, new EcdsaIssuerSigner(key), code));
                return new PersonalizeResponse(result.Reader, "active", result.Card.PermitNumber, result.Card.CardSequence,
                    result.Card.IssuerKeyId, FiguresJson.From(result.Figures));
            }).ConfigureAwait(false);
        });
    }

    /// <summary>The API's challenge, checked before the card is touched; null when none was sent.</summary>
    private static byte[]? ServerChallenge(string? base64)
    {
        if (base64 is null)
            return null;
        var buffer = new byte[Domain.Credentials.Card.ActiveAuthentication.MaxChallengeLength + 3];
        return base64.Length <= 48 && Convert.TryFromBase64String(base64, buffer, out var written)
            && written is >= Domain.Credentials.Card.ActiveAuthentication.MinChallengeLength and <= Domain.Credentials.Card.ActiveAuthentication.MaxChallengeLength
            ? buffer[..written]
            : throw Failures.AgentException.DataInvalid("\"challenge\" is the permit API's challenge: 8 to 32 bytes, base64.");
    }

    private static byte[] EncodePhoto(string base64)
    {
        byte[] jpeg;
        try
        {
            jpeg = Convert.FromBase64String(base64);
        }
        catch (FormatException e)
        {
            throw Failures.AgentException.DataInvalid("\"photo\" is not base64.", e);
        }

        if (jpeg is not [0xFF, 0xD8, ..])
            throw Failures.AgentException.DataInvalid("\"photo\" is not a JPEG.");
        try
        {
            return Domain.Credentials.Card.PhotoFile.Encode(jpeg);
        }
        catch (ArgumentException e)
        {
            throw Failures.AgentException.DataInvalid(e.Message, e);
        }
    }
}

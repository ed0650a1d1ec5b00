using System.Security.Claims;
using Permit.Api.Features.Credentials;
using Permit.Api.Features.Permits;
using Permit.Domain.Credentials.Verification;
using Permit.Domain.Entitlements;
using Permit.Domain.Permits;
using Permit.Domain.Common;

namespace Permit.Api.Features.Entitlements;

/// <summary>The handlers of <see cref="EntitlementsApi"/>.</summary>
public static class EntitlementLookups
{
    public const string AuditAction = "entitlement.lookup";
    public const int PurposeMaxLength = 100;
    private const string DefaultPurpose = "eligibility check at the counter";

    public static Ok<IReadOnlyList<TerminalService>> Services(ClaimsPrincipal user, ServiceCatalogue catalogue) =>
        TypedResults.Ok<IReadOnlyList<TerminalService>>([.. user.ServicesFor(catalogue).Select(s => new TerminalService(
            s.Code, s.NameZh, s.NameEn, s.Category.ToString(), s.Basis.ToString()))]);

    public static async Task<Results<Ok<EntitlementAnswer>, ProblemHttpResult, ValidationProblem>> ByPermitNumberAsync(
        string number, string? service, string? purpose, HttpContext http, PermitDbContext db, ServiceCatalogue catalogue,
        LookupAuditWriter audit, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var asked = Ask(http.User, catalogue, service, purpose, time);
        if (asked.Refusal is not null)
            return asked.Refusal;
        if (asked.Service is null)
            return TypedResults.Ok(asked.Unknown!);
        if (!PermitNumber.TryParse(number, out var permitNumber))
            return Problems.Invalid("number", "A permit number is 17 digits and a check character (docs/permit-card.md).");

        var holder = await HolderRecord.FindAsync(db, permitNumber, cancellationToken);
        if (holder is null)
            return Problems.PermitNotFound("this number");

        var answer = EntitlementDecider.Decide(asked.Service, holder, asked.Today, CredentialAnswer.PermitNumber);
        return await AuditedAsync(http, audit, time, answer, holder, asked, cancellationToken);
    }

    public static async Task<Results<Ok<EntitlementAnswer>, ProblemHttpResult, ValidationProblem>> ByQrAsync(
        QrLookupRequest request, HttpContext http, PermitDbContext db, ServiceCatalogue catalogue, IssuerTrust trust,
        LookupAuditWriter audit, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(trust);
        var asked = Ask(http.User, catalogue, request.Service, request.Purpose, time);
        if (asked.Refusal is not null)
            return asked.Refusal;
        if (asked.Service is null)
            return TypedResults.Ok(asked.Unknown!);
        if (string.IsNullOrWhiteSpace(request.Qr))
            return Problems.Invalid("qr", "The scanned QR text is required.");

        var now = time.GetUtcNow();
        // First the credential alone: until it is proven the issuer's, its permit number is nobody's.
        var verdict = CredentialVerifier.VerifyQr(request.Qr, trust.List, RevocationKnowledge.None, now);
        if (verdict.QrClaims is not { } claims)
        {
            var refused = EntitlementDecider.NotGenuine(asked.Service, asked.Today, EntitlementDecider.Describe("qr", verdict));
            return await AuditedAsync(http, audit, time, refused, holder: null, asked, cancellationToken);
        }

        var holder = await HolderRecord.FindWithCardAsync(db, PermitNumber.Parse(claims.PermitNumber), claims.CardSequence, cancellationToken);
        if (holder is null)
            return Problems.PermitNotFound("the number in this QR code");

        // Then again with the register's word on the permit and this card, which only the server has.
        verdict = CredentialVerifier.VerifyQr(request.Qr, trust.List, new RevocationKnowledge(null, holder.LiveStatus), now);
        var answer = EntitlementDecider.Decide(asked.Service, holder, asked.Today, EntitlementDecider.Describe("qr", verdict));
        return await AuditedAsync(http, audit, time, answer, holder, asked, cancellationToken);
    }

    public static async Task<Results<Ok<EntitlementAnswer>, ProblemHttpResult, ValidationProblem>> ByCardAsync(
        CardLookupRequest request, HttpContext http, PermitDbContext db, ServiceCatalogue catalogue, IssuerTrust trust,
        LookupAuditWriter audit, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(trust);
        request = Security.Agents.SealedLookupFiles.Open(request, http.RequestServices.GetRequiredService<Security.Agents.AgentKeys>());
        var asked = Ask(http.User, catalogue, request.Service, request.Purpose, time);
        if (asked.Refusal is not null)
            return asked.Refusal;
        if (asked.Service is null)
            return TypedResults.Ok(asked.Unknown!);
        var read = AgentCardRead.From(request);
        if (read.Errors is not null)
            return TypedResults.ValidationProblem(read.Errors, type: Problems.TypeOf("validation"), title: "The card read is not valid.");

        var now = time.GetUtcNow();
        if (!await CardChallenge.RedeemAsync(db, http.User, read.Chip!.Challenge!, now, cancellationToken))
            return ChipAnswer.UnknownChallenge();

        var exchange = read.Chip.Exchange;
        var verdict = CredentialVerifier.VerifyCard(read.Files!, exchange, trust.List, RevocationKnowledge.None, now);
        if (verdict.Card is not { } card)
        {
            var refused = EntitlementDecider.NotGenuine(asked.Service, asked.Today, EntitlementDecider.Describe("card", verdict, AgentCardRead.ServerChallenge));
            return await AuditedAsync(http, audit, time, refused, holder: null, asked, cancellationToken);
        }

        var permitNumber = PermitNumber.Parse(card.PermitNumber);
        var holder = await HolderRecord.FindWithCardAsync(db, permitNumber, card.CardSequence, cancellationToken);
        if (holder is null)
            return Problems.PermitNotFound("the number on this card");

        // The chip must be the one confirmed for this card: genuine files on another chip are a clone.
        var confirmedChipKey = await ConfirmedChipKeyAsync(db, permitNumber, card.CardSequence, cancellationToken);
        verdict = CredentialVerifier.VerifyCard(read.Files!, exchange, trust.List, new RevocationKnowledge(null, holder.LiveStatus), now, confirmedChipKey);
        var credential = EntitlementDecider.Describe("card", verdict, AgentCardRead.ServerChallenge);
        var answer = verdict.Card is null
            ? EntitlementDecider.NotGenuine(asked.Service, asked.Today, credential)
            : EntitlementDecider.Decide(asked.Service, holder, asked.Today, credential);
        return await AuditedAsync(http, audit, time, answer, holder, asked, cancellationToken);
    }

    /// <summary>SHA-256 of the EF.CHIPKEY recorded when this card's issue was confirmed; empty when none was.</summary>
    private static async Task<byte[]> ConfirmedChipKeyAsync(PermitDbContext db, PermitNumber number, int sequence, CancellationToken cancellationToken)
    {
        var hash = await (from p in db.ResidencePermits.AsNoTracking()
                          where p.Number == number
                          join c in db.Set<CardPersonalization>() on p.Id equals c.PermitId
                          where c.CardSequence == sequence && c.ConfirmedAt != null && c.AbandonedAt == null
                          select c.ChipKeyFileHash).FirstOrDefaultAsync(cancellationToken);
        return hash is null ? [] : Convert.FromHexString(hash);
    }

    /// <summary>
    /// The service asked about, checked against the terminal's categories before any record is read: a service outside
    /// them is 403; one the catalogue does not know answers <c>unknown-service</c> without reading anyone's record.
    /// </summary>
    internal static Asked Ask(ClaimsPrincipal user, ServiceCatalogue catalogue, string? code, string? purpose, TimeProvider time)
    {
        var today = ChinaDate.Today(time);
        if (string.IsNullOrWhiteSpace(code))
            return new Asked(null, today, null, Problems.Invalid("service", "Name the service asked about (see GET /api/entitlements/services)."));
        if (purpose is { Length: > PurposeMaxLength })
            return new Asked(null, today, null, Problems.Invalid("purpose", $"A purpose is at most {PurposeMaxLength} characters."));

        var service = catalogue.Find(code);
        if (service is null)
        {
            var unknown = EntitlementPolicy.Evaluate(catalogue, code, UnknownHolder, today);
            return new Asked(null, today, null, null, new EntitlementAnswer(code, false, unknown.ReasonCode, unknown.MessageZh,
                unknown.MessageEn, null, today, null, null, CredentialAnswer.PermitNumber));
        }

        if (!user.Serves(service.Category))
            return new Asked(null, today, null, Problems.Problem("entitlement-service-out-of-scope", $"This terminal may not ask about '{service.Code}': it serves other kinds of services."));
        return new Asked(service, today, string.IsNullOrWhiteSpace(purpose) ? DefaultPurpose : purpose.Trim(), null);
    }

    // The policy needs facts even to say it does not know the service; these are never looked at.
    private static readonly HolderFacts UnknownHolder = new() { PermitStatus = HolderPermitStatus.Terminated };

    internal static async Task<Results<Ok<EntitlementAnswer>, ProblemHttpResult, ValidationProblem>> AuditedAsync(
        HttpContext http, LookupAuditWriter audit, TimeProvider time, EntitlementAnswer answer, HolderRecord? holder, Asked asked,
        CancellationToken cancellationToken)
    {
        var residentId = holder?.ResidentId;
        var actor = http.RequestServices.GetRequiredService<IAuditActorSource>().Current;
        var entry = AuditEntry.Create(actor, AuditAction, residentId,
            $"{answer.Service} by {answer.Credential.Presented} → {answer.ReasonCode}: {asked.Purpose}", time.GetUtcNow());
        try
        {
            await audit.RecordAsync(entry, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // No audit line, no answer: the lookup must never be untraceable.
            return Problems.Problem("entitlement-audit-unavailable", "The lookup could not be recorded in the audit trail, so no answer is given. Try again.");
        }

        return TypedResults.Ok(WithPhotoLink(http, answer, holder));
    }

    /// <summary>
    /// Every answer that names a holder (a genuine card or QR, a permit number: never a refused credential, whose holder is
    /// null) gets a two-minute link to the register's photo, made for this terminal alone; fetching it is audited.
    /// </summary>
    private static EntitlementAnswer WithPhotoLink(HttpContext http, EntitlementAnswer answer, HolderRecord? holder)
    {
        if (answer.Holder is null || holder?.ShownPhotoId is not { } photoId)
            return answer;
        var link = http.RequestServices.GetRequiredService<Photos.PhotoLinks>().For(photoId, http.User, Photos.PhotoAudience.Verifier);
        return answer with { Holder = answer.Holder with { Photo = link } };
    }

    internal sealed record Asked(PublicService? Service, DateOnly Today, string? Purpose, IResult? RefusalResult, EntitlementAnswer? Unknown = null)
    {
        public Results<Ok<EntitlementAnswer>, ProblemHttpResult, ValidationProblem>? Refusal => RefusalResult switch
        {
            ProblemHttpResult problem => problem,
            ValidationProblem validation => validation,
            _ => null,
        };
    }
}

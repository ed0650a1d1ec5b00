using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Permit.Api.Audit;
using Permit.Api.Features.Permits;
using Permit.Api.Features.Permits.Idempotency;
using Permit.Api.Keys;
using Permit.Api.Persistence;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Personalization;

/// <summary>
/// The card personalization handshake with <c>permit-agent</c>: (1) the agent reports the blank chip's serial and the
/// EF.CHIPKEY it generated, (2) the API answers EF.PERMIT, EF.PHOTO and EF.SIG signed by the active issuer key, (3) the
/// agent writes, reads back, activates and confirms with the hashes of what it read back. Only a confirmation matching
/// the files issued for that chip makes the card issued; repeating it answers the same.
/// </summary>
public static class PersonalizationApi
{
    public const string Scope = "card.personalize";

    public static IEndpointRouteBuilder MapPersonalization(this IEndpointRouteBuilder permits)
    {
        ArgumentNullException.ThrowIfNull(permits);
        permits.MapPost("/{number}/cards/{sequence:int}/personalization", PrepareAsync)
            .WithMetadata(Security.Agents.AgentTicketScope.Personalization)
            .WithName("PreparePermitCardFiles")
            .WithSummary("Card files (EF.PERMIT, EF.PHOTO, EF.SIG) for a blank chip, signed for its own chip key");
        permits.MapPost("/{number}/cards/{sequence:int}/confirmation", ConfirmAsync)
            .WithMetadata(Security.Agents.AgentTicketScope.Personalization)
            .WithName("ConfirmPermitCardIssued")
            .WithSummary("The agent confirms the activated card with the hashes it read back; the card then counts as issued");
        return permits;
    }

    public static async Task<Results<Ok<PersonalizationResponse>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> PrepareAsync(
        string number, int sequence, PersonalizationRequest request, HttpContext http, PermitDbContext db, IAuditTrail audit,
        IssuerKeyRing issuerKeys, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(issuerKeys);
        var (idempotency, badKey) = IdempotencyKey.FromRequest(http, Scope, request);
        if (badKey is not null)
            return badKey;
        if (idempotency is not null && await idempotency.FindEarlierAnswerAsync(db, cancellationToken) is { } earlier)
            return earlier is ContentHttpResult content ? content : (ProblemHttpResult)earlier;

        if (!CardSerialNumber.TryParse(request.Serial, out var serial))
            return PermitProblems.Invalid("serial", "The card serial is GET DATA's 8 bytes as 16 hex digits.");
        if (DecodeChipKey(request.ChipKey) is not { } chipKeyFile)
            return PermitProblems.Invalid("chipKey", "The chip key is the EF.CHIPKEY object (7F 49 …) with a P-256 point, base64.");

        var (permit, problem) = await PermitLookup.FindAsync(db, number, cancellationToken);
        if (permit is null)
            return problem!;
        if (OrderedCard(permit, sequence) is { } refusal)
            return refusal;

        var personalization = await db.Set<CardPersonalization>()
            .SingleOrDefaultAsync(p => p.PermitId == permit.Id && p.CardSequence == sequence && p.Serial == serial, cancellationToken);
        var data = await PermitCardDataSource.ForAsync(db, permit, sequence, cancellationToken);
        var files = CardFileSet.Build(data, [], chipKeyFile, issuerKeys.ActiveSigner);
        var now = time.GetUtcNow();
        if (personalization is null)
            db.Add(new CardPersonalization(permit.Id, sequence, serial, files, now));
        else
            personalization.Prepare(files, now);

        audit.Record("permit.card-personalize", permit.ResidentId, $"permit {permit.Number.Value} card {sequence}");
        var response = new PersonalizationResponse(
            permit.Number.Value, sequence, files.KeyId, Convert.ToBase64String(files.PermitFile), Convert.ToBase64String(files.PhotoFile),
            Convert.ToBase64String(files.ChipKeyFile), Convert.ToBase64String(files.SignatureFile));
        idempotency?.Remember(db, StatusCodes.Status200OK, response, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (PermitProblems.FromDatabase(e) is { } conflict)
        {
            db.ChangeTracker.Clear();
            if (idempotency is not null && await idempotency.FindEarlierAnswerAsync(db, cancellationToken) is ContentHttpResult replay)
                return replay;
            return conflict;
        }

        return TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<CardConfirmationResponse>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        string number, int sequence, CardConfirmationRequest request, PermitDbContext db, IAuditTrail audit,
        TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!CardSerialNumber.TryParse(request.Serial, out var serial))
            return PermitProblems.Invalid("serial", "The card serial is GET DATA's 8 bytes as 16 hex digits.");
        foreach (var (field, value) in new[]
                 {
                     ("permitFileSha256", request.PermitFileSha256), ("photoFileSha256", request.PhotoFileSha256),
                     ("chipKeyFileSha256", request.ChipKeyFileSha256), ("signatureFileSha256", request.SignatureFileSha256),
                 })
        {
            if (value is not { Length: 64 } || !value.All(char.IsAsciiHexDigit))
                return PermitProblems.Invalid(field, "A SHA-256 hash is 64 hex digits.");
        }

        var (permit, problem) = await PermitLookup.FindAsync(db, number, cancellationToken);
        if (permit is null)
            return problem!;
        var card = permit.Cards.SingleOrDefault(c => c.Sequence == sequence);
        if (card is null)
            return PermitProblems.Problem(StatusCodes.Status409Conflict, "card-not-current", "The permit has no card with this sequence.");

        var personalization = await db.Set<CardPersonalization>()
            .SingleOrDefaultAsync(p => p.PermitId == permit.Id && p.CardSequence == sequence && p.Serial == serial, cancellationToken);
        if (personalization is null)
            return PermitProblems.Problem(StatusCodes.Status409Conflict, "card-serial-mismatch", "No card files were issued for this chip.");
        var readBack = new ReadBackHashes(request.PermitFileSha256, request.PhotoFileSha256, request.ChipKeyFileSha256, request.SignatureFileSha256);
        if (!personalization.Matches(readBack))
        {
            return PermitProblems.Problem(
                StatusCodes.Status409Conflict, "card-files-mismatch", "The files read back from the card are not the ones issued for it.");
        }

        if (card.Status == CardStatus.Issued)
        {
            // A lost confirmation re-presented: the same chip with the same files is the same answer; another chip is not.
            return card.Serial == serial
                ? TypedResults.Ok(Confirmation(permit, card))
                : PermitProblems.Problem(StatusCodes.Status409Conflict, "card-serial-mismatch", "This card was issued on another chip.");
        }

        try
        {
            permit.ConfirmCardIssued(serial, sequence, PermitsClock.Today(time));
            personalization.MarkConfirmed(time.GetUtcNow());
            audit.Record("permit.card-issued", permit.ResidentId, $"permit {permit.Number.Value} card {sequence}");
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(Confirmation(permit, card));
        }
        catch (Domain.Common.DomainException e)
        {
            return PermitProblems.FromDomain(e);
        }
        catch (DbUpdateException e) when (PermitProblems.FromDatabase(e) is { } conflict)
        {
            return conflict;
        }
    }

    private static CardConfirmationResponse Confirmation(ResidencePermit permit, PermitCard card) =>
        new(permit.Number.Value, card.Sequence, card.Status.ToString(), permit.Status.ToString(), card.IssuedOn, card.Serial!.Masked);

    /// <summary>Null when the card may be personalized; otherwise why not.</summary>
    private static ProblemHttpResult? OrderedCard(ResidencePermit permit, int sequence)
    {
        if (permit.HasEnded)
            return PermitProblems.Problem(StatusCodes.Status409Conflict, "permit-already-ended", "The permit has been revoked or terminated.");
        var current = permit.CurrentCard;
        if (current.Sequence != sequence)
            return PermitProblems.Problem(StatusCodes.Status409Conflict, "card-not-current", "Only the permit's latest ordered card can be personalized.");
        return current.Status == CardStatus.Ordered
            ? null
            : PermitProblems.Problem(StatusCodes.Status409Conflict, "card-already-issued", "That card's issue was already confirmed.");
    }

    private static byte[]? DecodeChipKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
            return null;
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }

        // Hashed into EF.SIG as stored: only the exact object, no padding.
        return bytes.Length == ChipKeyFile.EncodedLength && ChipKeyFile.Decode(bytes).IsValid ? bytes : null;
    }
}

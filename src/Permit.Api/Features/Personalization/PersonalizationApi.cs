using Permit.Api.Features.Credentials;
using Permit.Api.Features.Permits;
using Permit.Api.Features.Permits.Idempotency;
using Permit.Api.Keys;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Permits;
using Permit.Domain.Common;
using Permit.Contracts.Personalization;

namespace Permit.Api.Features.Personalization;

/// <summary>
/// The card personalization handshake with <c>permit-agent</c>: (1) the agent reports the blank chip's serial and the
/// EF.CHIPKEY it generated, and the first such chip is bound to the card (another chip is refused until the officer
/// abandons the first), (2) the API answers EF.PERMIT, EF.PHOTO and EF.SIG signed by the active issuer key, (3) the
/// agent writes, reads back, activates and confirms with the hashes of what it read back and the chip's answer to a
/// server challenge (<c>POST /api/card-challenges</c>). Only a confirmation matching the files issued for the bound chip,
/// signed by that chip's key, makes the card issued; repeating it answers the same.
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
        permits.MapPost("/{number}/cards/{sequence:int}/personalization/abandon", PersonalizationAbandon.AbandonAsync)
            .WithName("AbandonPermitCardChip")
            .WithSummary("Give up on the chip bound to this card before it was confirmed (a reason is required); its key goes on the status list at once");
        // The same single-use challenge as POST /api/card-challenges, on a route a personalize ticket may call for its own
        // permit and card: the agent writing a card holds that ticket, never the officer's sign-in.
        permits.MapPost("/{number}/cards/{sequence:int}/challenge", IssueChallengeAsync)
            .WithMetadata(Security.Agents.AgentTicketScope.Personalization)
            .WithName("IssuePersonalizationChallenge")
            .WithSummary("A fresh server challenge for the chip being written for this card to sign at confirmation");
        permits.MapPost("/{number}/cards/{sequence:int}/confirmation", ConfirmAsync)
            .WithMetadata(Security.Agents.AgentTicketScope.Personalization)
            .WithName("ConfirmPermitCardIssued")
            .WithSummary("The agent confirms the activated card with the hashes it read back and the chip's answer to a server challenge; the card then counts as issued");
        return permits;
    }

    /// <summary>
    /// The challenge for a named permit's card: 404 when the caller cannot see the permit (unknown, or outside an officer's
    /// jurisdiction), as every route naming a record answers.
    /// </summary>
    public static async Task<Results<Ok<Credentials.CardChallengeResponse>, ProblemHttpResult>> IssueChallengeAsync(
        string number, HttpContext http, PermitDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var (_, problem) = await PermitLookup.FindAsync(db, number, cancellationToken);
        if (problem is not null)
            return problem;
        return await Credentials.CardChallengeApi.IssueAsync(http, db, time, cancellationToken);
    }

    public static async Task<Results<Ok<IssuedCardFiles>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> PrepareAsync(
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
            return Problems.Invalid("serial", "The card serial is GET DATA's 8 bytes as 16 hex digits.");
        if (DecodeChipKey(request.ChipKey) is not { } chipKeyFile)
            return Problems.Invalid("chipKey", "The chip key is the EF.CHIPKEY object (7F 49 …) with a P-256 point, base64.");

        var (permit, problem) = await PermitLookup.FindAsync(db, number, cancellationToken);
        if (permit is null)
            return problem!;
        if (OrderedCard(permit, sequence) is { } refusal)
            return refusal;

        // One chip per card: the first prepare binds its key; another chip waits until the officer abandons that one.
        var chipKeyHash = CardFileSet.Hash(chipKeyFile);
        var attempts = await db.Set<CardPersonalization>()
            .Where(p => (p.PermitId == permit.Id && p.CardSequence == sequence) || p.ChipKeyFileHash == chipKeyHash)
            .ToListAsync(cancellationToken);
        if (attempts.Any(p => p.ChipKeyFileHash == chipKeyHash && (p.IsAbandoned || p.PermitId != permit.Id || p.CardSequence != sequence)))
        {
            return Problems.Problem("card-chip-key-used",
                "This chip key was abandoned or belongs to another card; it gets no files. Personalize the card afresh (a new key).");
        }

        var personalization = attempts.SingleOrDefault(p => p.PermitId == permit.Id && p.CardSequence == sequence && !p.IsAbandoned);
        if (personalization is not null && !personalization.IsBoundTo(serial, chipKeyFile))
        {
            return Problems.Problem("card-chip-bound",
                "Card files for this card were already issued to another chip (or to this card before it was pulled out and made a new key). " +
                "Abandon that chip first (POST …/personalization/abandon with a reason), then personalize again.");
        }

        var data = await PermitCardDataSource.ForAsync(db, permit, sequence, cancellationToken);
        var files = CardFileSet.Build(data, await ChipPhoto.ForAsync(db, permit.ResidentId, cancellationToken), chipKeyFile, issuerKeys.ActiveSigner);
        var now = time.GetUtcNow();
        if (personalization is null)
        {
            var attempt = attempts.Where(p => p.PermitId == permit.Id && p.CardSequence == sequence).Select(p => p.Attempt).DefaultIfEmpty(0).Max() + 1;
            db.Add(new CardPersonalization(permit.Id, sequence, attempt, serial, files, now));
        }
        else
        {
            personalization.Prepare(files, now);
        }

        audit.Record("permit.card-personalize", permit.ResidentId, $"permit {permit.Number.Value} card {sequence}");
        var response = new IssuedCardFiles(
            permit.Number.Value, sequence, files.KeyId, Convert.ToBase64String(files.PermitFile), Convert.ToBase64String(files.PhotoFile),
            Convert.ToBase64String(files.ChipKeyFile), Convert.ToBase64String(files.SignatureFile));
        idempotency?.Remember(db, StatusCodes.Status200OK, response, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (Problems.FromDatabase(e) is { } conflict)
        {
            db.ChangeTracker.Clear();
            if (idempotency is not null && await idempotency.FindEarlierAnswerAsync(db, cancellationToken) is ContentHttpResult replay)
                return replay;
            return conflict;
        }

        return TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<CardConfirmation>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        string number, int sequence, CardConfirmationRequest request, HttpContext http, PermitDbContext db, IAuditTrail audit,
        TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        if (!CardSerialNumber.TryParse(request.Serial, out var serial))
            return Problems.Invalid("serial", "The card serial is GET DATA's 8 bytes as 16 hex digits.");
        var chipAnswer = ChipAnswer.From(request.Challenge, request.Response);
        if (chipAnswer.Error is { } answerError)
            return answerError;
        foreach (var (field, value) in new[]
                 {
                     ("permitFileSha256", request.PermitFileSha256), ("photoFileSha256", request.PhotoFileSha256),
                     ("chipKeyFileSha256", request.ChipKeyFileSha256), ("signatureFileSha256", request.SignatureFileSha256),
                 })
        {
            if (value is not { Length: 64 } || !value.All(char.IsAsciiHexDigit))
                return Problems.Invalid(field, "A SHA-256 hash is 64 hex digits.");
        }

        var (permit, problem) = await PermitLookup.FindAsync(db, number, cancellationToken);
        if (permit is null)
            return problem!;
        var card = permit.Cards.SingleOrDefault(c => c.Sequence == sequence);
        if (card is null)
            return Problems.Problem("card-not-current", "The permit has no card with this sequence.");

        if (!await CardChallenge.RedeemAsync(db, http.User, chipAnswer.Challenge!, time.GetUtcNow(), cancellationToken))
            return ChipAnswer.UnknownChallenge();
        var personalization = await db.Set<CardPersonalization>()
            .SingleOrDefaultAsync(p => p.PermitId == permit.Id && p.CardSequence == sequence && p.AbandonedAt == null, cancellationToken);
        if (personalization is null || personalization.Serial != serial)
            return Problems.Problem("card-serial-mismatch", "No card files were issued for this chip.");
        var readBack = new ReadBackHashes(request.PermitFileSha256, request.PhotoFileSha256, request.ChipKeyFileSha256, request.SignatureFileSha256);
        if (!personalization.Matches(readBack))
        {
            return Problems.Problem("card-files-mismatch", "The files read back from the card are not the ones issued for it.");
        }

        // The hashes are the agent's word; the chip's signature over our own nonce, by the bound key, is not.
        if (!chipAnswer.VerifiedBy(personalization.ChipKey))
        {
            return Problems.Problem("card-chip-not-proven",
                "The chip did not sign the server's challenge with the key bound to this card: it is not the card the files were issued for.");
        }

        if (card.Status == CardStatus.Issued)
        {
            // A lost confirmation re-presented: the same chip with the same files is the same answer; another chip is not.
            return card.Serial == serial
                ? TypedResults.Ok(Confirmation(permit, card))
                : Problems.Problem("card-serial-mismatch", "This card was issued on another chip.");
        }

        try
        {
            permit.ConfirmCardIssued(serial, sequence, ChinaDate.Today(time));
            personalization.MarkConfirmed(time.GetUtcNow());
            audit.Record("permit.card-issued", permit.ResidentId, $"permit {permit.Number.Value} card {sequence}");
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(Confirmation(permit, card));
        }
        catch (DbUpdateException e) when (Problems.FromDatabase(e) is { } conflict)
        {
            return conflict;
        }
    }

    private static CardConfirmation Confirmation(ResidencePermit permit, PermitCard card) =>
        new(permit.Number.Value, card.Sequence, card.Status.ToString(), permit.Status.ToString(), card.IssuedOn, card.Serial!.Masked);

    /// <summary>Null when the card may be personalized; otherwise why not.</summary>
    private static ProblemHttpResult? OrderedCard(ResidencePermit permit, int sequence)
    {
        if (permit.HasEnded)
            return Problems.Problem("permit-already-ended", "The permit has been revoked or terminated.");
        var current = permit.CurrentCard;
        if (current.Sequence != sequence)
            return Problems.Problem("card-not-current", "Only the permit's latest ordered card can be personalized.");
        return current.Status == CardStatus.Ordered
            ? null
            : Problems.Problem("card-already-issued", "That card's issue was already confirmed.");
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

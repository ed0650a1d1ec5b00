using Permit.Api.Features.Credentials;
using Permit.Api.Features.Permits;
using Permit.Api.Security.Agents;
using Permit.Domain.Credentials.Agents;
using Permit.Domain.Entitlements;
using Permit.Domain.Identity;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Entitlements;

/// <summary>
/// <c>POST /api/entitlements/lookups/id-card</c>: a counter looks a permit up by the holder's ID card. The counter's agent
/// reads the card and seals the ID number, with a challenge this API issued to the terminal, for this API
/// (<see cref="SealedIdCard"/>); the page forwards the box. Here it is opened, the challenge is spent, the resident is
/// found by the ID number's blind index, and the answer is the same data-minimised verdict as for a typed permit number:
/// the ID number is never in it. Every lookup is audited, a miss too (a run of misses is what enumeration looks like).
/// </summary>
public static class IdCardLookup
{
    public static async Task<Results<Ok<EntitlementAnswer>, ProblemHttpResult, ValidationProblem>> ByIdCardAsync(
        IdCardLookupRequest request, HttpContext http, PermitDbContext db, ServiceCatalogue catalogue, AgentKeys keys,
        LookupAuditWriter audit, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(db);
        var asked = EntitlementLookups.Ask(http.User, catalogue, request.Service, request.Purpose, time);
        if (asked.Refusal is not null)
            return asked.Refusal;
        if (asked.Service is null)
            return TypedResults.Ok(asked.Unknown!);
        if (SealedIdCard.Open(request.SealedIdCard, keys.SealKey) is not { } read)
            return Problems.Invalid("sealedIdCard",
                "The ID card read was not sealed for this API by a paired counter agent (or was damaged on the way): read the card again.");

        var challenge = Challenge(read.Challenge);
        if (challenge is null || !await CardChallenge.RedeemAsync(db, http.User, challenge, time.GetUtcNow(), cancellationToken))
            return ChipAnswer.UnknownChallenge();
        // The number is not echoed, not even in a refusal: the counter never sees it.
        if (!CitizenIdNumber.TryParse(read.IdNumber, out var idNumber))
            return Problems.Invalid("sealedIdCard", "The ID card's number is not a valid citizen ID number; check the card at the desk.");

        var number = await PermitOf(db, idNumber, cancellationToken);
        var holder = number is null ? null : await HolderRecord.FindAsync(db, number, cancellationToken);
        if (holder is null)
        {
            var missed = await AuditMissAsync(http, audit, time, asked, cancellationToken);
            return missed ?? Problems.PermitNotFound("a holder with this ID card");
        }

        var answer = EntitlementDecider.Decide(asked.Service, holder, asked.Today, CredentialAnswer.IdCard);
        return await EntitlementLookups.AuditedAsync(http, audit, time, answer, holder, asked, cancellationToken);
    }

    /// <summary>
    /// The holder's permit: the newest one of the resident with this ID number, found by blind index (one resident at
    /// most). The one query of this lookup that touches residents: a region filter belongs here.
    /// </summary>
    private static async Task<PermitNumber?> PermitOf(PermitDbContext db, CitizenIdNumber idNumber, CancellationToken cancellationToken)
    {
        var numbers = await (from r in db.ResidentsWithCitizenId(idNumber)
                             join p in db.ResidencePermits.AsNoTracking() on r.Id equals p.ResidentId
                             orderby p.IssueDate descending
                             select p.Number).Take(1).ToListAsync(cancellationToken);
        return numbers.Count == 0 ? null : numbers[0];
    }

    private static byte[]? Challenge(string base64)
    {
        var buffer = new byte[64];
        return Convert.TryFromBase64String(base64, buffer, out var written) && written > 0 ? buffer[..written] : null;
    }

    /// <summary>A miss is recorded like a hit, without a resident; null when recorded, else the refusal.</summary>
    private static async Task<ProblemHttpResult?> AuditMissAsync(HttpContext http, LookupAuditWriter audit, TimeProvider time,
        EntitlementLookups.Asked asked, CancellationToken cancellationToken)
    {
        var actor = http.RequestServices.GetRequiredService<IAuditActorSource>().Current;
        var entry = AuditEntry.Create(actor, EntitlementLookups.AuditAction, null,
            $"{asked.Service!.Code} by {CredentialAnswer.IdCard.Presented} → not-found: {asked.Purpose}", time.GetUtcNow());
        try
        {
            await audit.RecordAsync(entry, cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Problems.Problem("entitlement-audit-unavailable", "The lookup could not be recorded in the audit trail, so no answer is given. Try again.");
        }
    }
}

using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Metadata;
using Permit.Api.Features.Photos;
using Permit.Domain.Entitlements;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Entitlements;

/// <summary>
/// The one database read of a lookup: permit → resident (name, photo reference) → points balance (none: never assessed)
/// → the photo to show, as a narrow no-tracking projection compiled once. It never selects the citizen ID number or an
/// address, so they cannot leak into an answer. The shown photo rides in the same statement because a second round
/// trip for it cost each lookup as much again as this read.
/// </summary>
public sealed record HolderRecord(
    Guid ResidentId,
    PermitNumber Number,
    PermitStatus Status,
    DateOnly ValidUntil,
    DateOnly ContinuousResidenceSince,
    string Name,
    string? PhotoReference,
    int? PointsHundredths,
    bool PointsFrozen,
    DateOnly? PointsFrozenUntil,
    int SocialInsuranceMonths,
    CardStatus? PresentedCardStatus,
    Guid? ShownPhotoId)
{
    // A compiled query belongs to one model, and each provider (and each ID-number key) has its own: one set per model.
    private static readonly ConditionalWeakTable<IModel, Queries> PerModel = [];

    public static Task<HolderRecord?> FindAsync(PermitDbContext db, PermitNumber number, CancellationToken cancellationToken) =>
        For(db).ByNumber(db, number, cancellationToken);

    public static Task<HolderRecord?> FindWithCardAsync(PermitDbContext db, PermitNumber number, int cardSequence, CancellationToken cancellationToken) =>
        For(db).ByCard(db, number, cardSequence, cancellationToken);

    private static Queries For(PermitDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return PerModel.GetValue(db.Model, _ => new Queries());
    }

    private sealed class Queries
    {
        public Func<PermitDbContext, PermitNumber, CancellationToken, Task<HolderRecord?>> ByNumber { get; } =
            EF.CompileAsyncQuery((PermitDbContext db, PermitNumber number, CancellationToken _) =>
                (from p in db.ResidencePermits.AsNoTracking()
                 where p.Number == number
                 join r in db.Residents on p.ResidentId equals r.Id
                 from b in db.PointsBalances.Where(b => b.ResidentId == p.ResidentId).DefaultIfEmpty()
                 select new HolderRecord(
                     p.ResidentId, p.Number, p.Status, p.ValidUntil, p.ContinuousResidenceSince, r.Name, r.PhotoReference,
                     b == null ? null : b.TotalHundredths, b != null && b.Frozen, b == null ? null : b.FrozenUntil,
                     b == null ? 0 : b.SocialInsuranceMonths, null,
                     // PhotoStore.ShownPhotoIdAsync's choice: the latest desk photo, else the latest other.
                     db.Set<ResidentPhoto>().Where(ph => ph.ResidentId == p.ResidentId)
                         .OrderBy(ph => ph.Source == PhotoSource.Desk ? 0 : 1).ThenByDescending(ph => ph.Version)
                         .Select(ph => (Guid?)ph.Id).FirstOrDefault()))
                .FirstOrDefault());

        // The card and QR paths also need the presented card's own status: an exchanged card is revoked while the permit lives.
        public Func<PermitDbContext, PermitNumber, int, CancellationToken, Task<HolderRecord?>> ByCard { get; } =
            EF.CompileAsyncQuery((PermitDbContext db, PermitNumber number, int sequence, CancellationToken _) =>
                (from p in db.ResidencePermits.AsNoTracking()
                 where p.Number == number
                 join r in db.Residents on p.ResidentId equals r.Id
                 from b in db.PointsBalances.Where(b => b.ResidentId == p.ResidentId).DefaultIfEmpty()
                 select new HolderRecord(
                     p.ResidentId, p.Number, p.Status, p.ValidUntil, p.ContinuousResidenceSince, r.Name, r.PhotoReference,
                     b == null ? null : b.TotalHundredths, b != null && b.Frozen, b == null ? null : b.FrozenUntil,
                     b == null ? 0 : b.SocialInsuranceMonths,
                     p.Cards.Where(c => c.Sequence == sequence).Select(c => (CardStatus?)c.Status).FirstOrDefault(),
                     // PhotoStore.ShownPhotoIdAsync's choice: the latest desk photo, else the latest other.
                     db.Set<ResidentPhoto>().Where(ph => ph.ResidentId == p.ResidentId)
                         .OrderBy(ph => ph.Source == PhotoSource.Desk ? 0 : 1).ThenByDescending(ph => ph.Version)
                         .Select(ph => (Guid?)ph.Id).FirstOrDefault()))
                .FirstOrDefault());
    }

    /// <summary>What the entitlement policy needs, as of <paramref name="today"/>.</summary>
    public HolderFacts FactsOn(DateOnly today) => new()
    {
        PermitStatus = Status switch
        {
            PermitStatus.PendingCard => HolderPermitStatus.PendingCard,
            PermitStatus.Active => HolderPermitStatus.Active,
            PermitStatus.Suspended => HolderPermitStatus.Suspended,
            PermitStatus.Revoked => HolderPermitStatus.Revoked,
            _ => HolderPermitStatus.Terminated,
        },
        ValidUntil = ValidUntil,
        HeldUnbrokenSince = ContinuousResidenceSince,
        // The exact total (hundredths), so a message never shows a rounded figure; no balance row means never assessed.
        PointsTotal = PointsHundredths / 100m,
        // The ledger counts months of insurance paid; it does not see gaps, so these months stand in for "continuous".
        SocialInsuranceContinuousMonths = Math.Max(0, SocialInsuranceMonths),
        // A freeze with an end date lifts the day after it.
        PointsFrozen = PointsFrozen && (PointsFrozenUntil is null || today <= PointsFrozenUntil),
    };

    /// <summary>The register's word on this permit (and the presented card), for the credential verifier.</summary>
    public Domain.Credentials.Verification.LivePermitStatus LiveStatus => (Status, PresentedCardStatus) switch
    {
        (PermitStatus.Revoked or PermitStatus.Terminated, _) => Domain.Credentials.Verification.LivePermitStatus.Revoked,
        (_, CardStatus.Revoked) => Domain.Credentials.Verification.LivePermitStatus.Revoked,
        (PermitStatus.Suspended, _) => Domain.Credentials.Verification.LivePermitStatus.Suspended,
        _ => Domain.Credentials.Verification.LivePermitStatus.Active,
    };
}

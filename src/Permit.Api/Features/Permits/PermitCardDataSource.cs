using Permit.Domain.Credentials.Card;
using Permit.Domain.Identity;
using Permit.Domain.Permits;

namespace Permit.Api.Features.Permits;

/// <summary>What EF.PERMIT says about a permit's card: the holder from the resident record, the residence from the
/// registration the permit was applied for, the rest from the permit.</summary>
public static class PermitCardDataSource
{
    public static async Task<PermitCardData> ForAsync(PermitDbContext db, ResidencePermit permit, int cardSequence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(permit);
        var resident = await db.Residents.AsNoTracking().SingleAsync(r => r.Id == permit.ResidentId, cancellationToken);
        var registrationId = await db.PermitApplications.AsNoTracking()
            .Where(a => a.Id == permit.ApplicationId).Select(a => a.RegistrationId).SingleAsync(cancellationToken);
        var registration = await db.ResidenceRegistrations.AsNoTracking().SingleAsync(r => r.Id == registrationId, cancellationToken);
        return new PermitCardData(
            permit.Number.Value,
            resident.CitizenId.Value,
            resident.Name,
            resident.Sex.ToCode(),
            resident.EthnicGroup.Code,
            resident.BirthDate,
            resident.HukouAddress,
            registration.Address,
            registration.CommunityCode.County.Value,
            permit.IssuingAuthority,
            permit.IssueDate,
            permit.ValidUntil,
            cardSequence);
    }
}

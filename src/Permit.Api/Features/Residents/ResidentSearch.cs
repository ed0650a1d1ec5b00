using Permit.Api.Security.Fields;
using Permit.Domain.Permits;
using Permit.Domain.Registrations;
using Permit.Domain.Common;
using Permit.Api.Infrastructure.Http;

namespace Permit.Api.Features.Residents;

/// <summary>
/// Finding residents: by exact ID number, name prefix, permit number, or the community of their active registration.
/// A search must name someone: a full ID number, a permit number, or at least <see cref="MinNameLength"/> characters of
/// a name; a community only narrows such a search (no paging through a whole community or population by one
/// character). Every hit is an audited read.
/// </summary>
public static class ResidentSearch
{
    public const int MaxPageSize = 100;
    public const int MinNameLength = 2;

    public static async Task<Results<Ok<PageOf<ResidentSummary>>, ValidationProblem>> Search(
        PermitDbContext db, TimeProvider time, HttpContext http, CancellationToken cancellationToken,
        string? idNumber = null, string? name = null, string? permitNumber = null, string? communityCode = null,
        int page = 1, int pageSize = 20)
    {
        ArgumentNullException.ThrowIfNull(db);
        var errors = new FieldErrors();
        if (page < 1)
            errors.Add("page", "page-invalid", "page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize)
            errors.Add("pageSize", "page-size-invalid", $"pageSize is 1 to {MaxPageSize}.");
        var citizenId = idNumber is null ? null : errors.CitizenId("idNumber", idNumber, ChinaDate.Today(time));
        var permit = permitNumber is null ? null : errors.Parse("permitNumber", () => PermitNumber.Parse(permitNumber.Trim()));
        var community = communityCode is null ? null : errors.Community("communityCode", communityCode);
        var namePrefix = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        if (namePrefix is { Length: < MinNameLength })
            errors.Add("name", "search-name-too-short", $"Give at least {MinNameLength} characters of the name.");
        else if (idNumber is null && namePrefix is null && permitNumber is null)
            errors.Add("query", "search-criterion-required", "Give a full idNumber, a permitNumber or at least two characters of a name; communityCode only narrows.");
        if (errors.Any)
            return Problems.Invalid(errors);

        var residents = db.Residents.AsNoTracking();
        // Stored encrypted with a random nonce: equality is only answerable through the keyed blind index.
        if (citizenId is not null)
            residents = residents.WhereCitizenIdIs(db.RequireCitizenIdProtector(), citizenId);
        if (namePrefix is not null)
            residents = residents.Where(r => r.Name.StartsWith(namePrefix));
        if (permit is not null)
            residents = residents.Where(r => db.ResidencePermits.Any(p => p.ResidentId == r.Id && p.Number == permit));
        if (community is not null)
        {
            residents = residents.Where(r => db.ResidenceRegistrations.Any(g =>
                g.ResidentId == r.Id && g.Status == RegistrationStatus.Active && g.CommunityCode == community));
        }

        var total = await residents.CountAsync(cancellationToken);
        var rows = await residents
            .OrderBy(r => r.Name).ThenBy(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new
            {
                r.Id,
                r.CitizenId,
                r.Name,
                r.BirthDate,
                Community = db.ResidenceRegistrations
                    .Where(g => g.ResidentId == r.Id && g.Status == RegistrationStatus.Active)
                    .Select(g => g.CommunityCode).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);

        foreach (var row in rows)
            http.Audit("resident.search", row.Id, "search at the registration desk");
        if (rows.Count > 0)
            await db.SaveChangesAsync(cancellationToken);
        var items = rows.Select(r => new ResidentSummary(r.Id, r.CitizenId.Masked, r.Name, r.BirthDate, r.Community?.Value)).ToList();
        return TypedResults.Ok(new PageOf<ResidentSummary>(items, page, pageSize, total));
    }
}

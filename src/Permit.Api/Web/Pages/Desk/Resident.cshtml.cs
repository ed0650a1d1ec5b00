using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Permit.Api.Features.Applications;
using Permit.Api.Features.Families;
using Permit.Api.Features.Permits;
using Permit.Api.Features.Registrations;
using Permit.Api.Features.Residents;
using Permit.Api.Features.Settlement;
using Permit.Api.Features.Settlement.Rounds;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Settlement;

namespace Permit.Api.Web.Pages.Desk;

/// <summary>
/// One resident at the desk: the record, the registration (declare, change address), the application (documents still
/// missing, accept), and the permit (issue, write the card, exchange, replace, endorse, revoke). The page shows the
/// state; each action goes to the API through the page script, then the page reloads. Opening it is an audited read.
/// </summary>
public sealed class ResidentModel(PermitDbContext db, IAuditTrail audit, TimeProvider time) : PageModel
{
    public ResidentResponse? Resident { get; private set; }

    public IReadOnlyList<RegistrationResponse> Registrations { get; private set; } = [];

    public IReadOnlyList<ApplicationResponse> Applications { get; private set; } = [];

    public IReadOnlyList<PermitResponse> Permits { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public IReadOnlyList<FamilyMemberResponse> Family { get; private set; } = [];

    /// <summary>The category condition set in force: the categories and the documents the desk can tick.</summary>
    public SettlementConditionSet ConditionSet { get; private set; } = SettlementConditionSets.Zhenhai2026;

    public IReadOnlyList<SettlementApplication> Settlements { get; private set; } = [];

    /// <summary>The points round taking applications today, if any: the desk enters the resident there with the family members.</summary>
    public SettlementRound? OpenRound { get; private set; }

    /// <summary>The resident's entry in <see cref="OpenRound"/>, once entered.</summary>
    public RoundApplicant? RoundEntry { get; private set; }

    public RegistrationResponse? ActiveRegistration => Registrations.FirstOrDefault(r => r.Status == "active");

    /// <summary>An application still being handled (submitted or accepted), or approved and waiting for its permit.</summary>
    public ApplicationResponse? OpenApplication => Applications.FirstOrDefault(a =>
        a.Status is "submitted" or "accepted" || (a.Status == "approved" && Permits.All(p => p.ApplicationId != a.Id)));

    public static IReadOnlyList<string> DocumentKinds { get; } = [.. Enum.GetValues<DocumentKind>().Select(ApplicationResponse.KindName)];

    public static IReadOnlyList<string> Exemptions { get; } = [.. Enum.GetValues<DistrictExemption>().Select(e => e.ToString().ToLowerInvariant())];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var resident = await db.Residents.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (resident is null)
            return NotFound();
        Today = ChinaDate.Today(time);
        Resident = ResidentsApi.ToResponse(resident);
        var registrations = await db.ResidenceRegistrations.AsNoTracking()
            .Where(r => r.ResidentId == id).ToListAsync(cancellationToken);
        Registrations = [.. registrations.OrderByDescending(r => r.RegistrationDate).Select(RegistrationResponse.From)];
        var applications = await db.PermitApplications.AsNoTracking()
            .Where(a => a.ResidentId == id).ToListAsync(cancellationToken);
        Applications = [.. applications.OrderByDescending(a => a.SubmittedOn).Select(a => ApplicationResponse.From(a, Today))];
        var permits = await db.ResidencePermits.AsNoTracking()
            .Where(p => p.ResidentId == id).ToListAsync(cancellationToken);
        Permits = [.. permits.OrderByDescending(p => p.IssueDate).Select(PermitResponse.From)];

        Family = await FamiliesApi.MembersOfAsync(db, User, id, Today, cancellationToken);
        ConditionSet = await ConditionSetCatalogue.InForceAsync(db, Today, cancellationToken);
        Settlements = await SettlementApplications.InScope(db, User).AsNoTracking()
            .Where(a => a.ApplicantId == id).OrderByDescending(a => a.SubmittedOn).ToListAsync(cancellationToken);
        OpenRound = await db.Set<SettlementRound>().AsNoTracking()
            .Where(r => r.Status == RoundStatus.Open && r.ApplicationOpens <= Today && r.ApplicationCloses >= Today)
            .OrderByDescending(r => r.Year).FirstOrDefaultAsync(cancellationToken);
        if (OpenRound is not null)
            RoundEntry = await db.Set<RoundApplicant>().AsNoTracking().SingleOrDefaultAsync(a => a.RoundId == OpenRound.Id && a.ResidentId == id, cancellationToken);

        audit.Record("resident.read", id, "resident page at the registration desk");
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }
}

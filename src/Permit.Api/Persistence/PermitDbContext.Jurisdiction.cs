using Microsoft.EntityFrameworkCore.ChangeTracking;
using Permit.Api.Features.Points;
using Permit.Api.Security.Fields;
using Permit.Domain.Applications;
using Permit.Domain.Identity;
using Permit.Domain.Permits;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Persistence;

/// <summary>
/// Jurisdictions (docs/jurisdictions.md), in one place: EF global query filters keyed on <see cref="OfficerJurisdiction"/>.
/// Why filters on the context and not a <c>Where</c> at each endpoint: every query of residents, registrations,
/// applications, permits and points (API endpoints, desk pages, bulk reports, lookups by number, <c>Find</c>,
/// navigations in sub-queries) passes through them without anyone remembering to ask, so an endpoint added later is
/// filtered too, and a record outside the jurisdiction is simply not found: the caller answers 404 exactly as for a
/// record that does not exist. Only a request of an officer with a jurisdiction sets it
/// (<c>Security/Authorization/JurisdictionScope</c>); terminals, migrants, agents, admins, jobs and commands keep the
/// whole register. The few places that must look past it (a unique ID number cannot be created twice) say so with
/// <see cref="EntityFrameworkQueryableExtensions.IgnoreQueryFilters{TEntity}(IQueryable{TEntity})"/>.
/// </summary>
public abstract partial class PermitDbContext
{
    /// <summary>The jurisdiction this context's queries are limited to; null: the whole register.</summary>
    public Jurisdiction? OfficerJurisdiction { get; private set; }

    // Read by the query filters: EF evaluates it on the context running each query, not the one that built the model.
    private string? JurisdictionPrefix => OfficerJurisdiction?.Code;

    /// <summary>Limits every later query and change of this context to <paramref name="jurisdiction"/>.</summary>
    public void LimitToJurisdiction(Jurisdiction jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        OfficerJurisdiction = jurisdiction;
    }

    /// <summary>True when the officer may write <paramref name="community"/> into a registration.</summary>
    public bool IsInJurisdiction(CommunityCode community) => OfficerJurisdiction?.Contains(community) ?? true;

    /// <summary>
    /// The residents with this ID number wherever they live: only to keep one resident per number (creating, bulk arrivals).
    /// Never return what it finds to an officer outside its jurisdiction.
    /// </summary>
    public IQueryable<Resident> ResidentsWithCitizenIdAnywhere(CitizenIdNumber number) =>
        Residents.IgnoreQueryFilters().WhereCitizenIdIs(RequireCitizenIdProtector(), number);

    private void ApplyJurisdictionFilters(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Resident>().HasQueryFilter(r => JurisdictionPrefix == null || r.AreaCode!.StartsWith(JurisdictionPrefix));
        modelBuilder.Entity<ResidenceRegistration>().HasQueryFilter(x => JurisdictionPrefix == null
            || Residents.Any(r => r.Id == x.ResidentId && r.AreaCode!.StartsWith(JurisdictionPrefix)));
        modelBuilder.Entity<PermitApplication>().HasQueryFilter(x => JurisdictionPrefix == null
            || Residents.Any(r => r.Id == x.ResidentId && r.AreaCode!.StartsWith(JurisdictionPrefix)));
        modelBuilder.Entity<ResidencePermit>().HasQueryFilter(x => JurisdictionPrefix == null
            || Residents.Any(r => r.Id == x.ResidentId && r.AreaCode!.StartsWith(JurisdictionPrefix)));
        modelBuilder.Entity<PointsBalance>().HasQueryFilter(x => JurisdictionPrefix == null
            || Residents.Any(r => r.Id == x.ResidentId && r.AreaCode!.StartsWith(JurisdictionPrefix)));
        modelBuilder.Entity<PointsEntry>().HasQueryFilter(x => JurisdictionPrefix == null
            || Residents.Any(r => r.Id == x.ResidentId && r.AreaCode!.StartsWith(JurisdictionPrefix)));
        modelBuilder.Entity<PointsReview>().HasQueryFilter(x => JurisdictionPrefix == null
            || Residents.Any(r => r.Id == x.ResidentId && r.AreaCode!.StartsWith(JurisdictionPrefix)));
        modelBuilder.Entity<SocialInsuranceCover>().HasQueryFilter(x => JurisdictionPrefix == null
            || Residents.Any(r => r.Id == x.ResidentId && r.AreaCode!.StartsWith(JurisdictionPrefix)));
        // Counts of the residents above, by area: an officer reads only the areas inside the jurisdiction (never the
        // whole register's, whose area is empty).
        modelBuilder.Entity<Features.Statistics.StatisticsFigure>().HasQueryFilter(x => JurisdictionPrefix == null
            || x.Area.StartsWith(JurisdictionPrefix));
    }

    /// <summary>
    /// Keeps <see cref="Resident.AreaCode"/> where the resident lives: a new registration or a changed address places the
    /// resident in its community; a resident recorded by an officer with a jurisdiction, before any registration, lies in
    /// that jurisdiction. Residents not tracked yet are loaded first (<see cref="LoadPlacedResidentsAsync"/> on the async path).
    /// </summary>
    private void PlaceResidents()
    {
        // One pass over the tracked residents: each Entries() call detects changes across the whole unit of work, so a
        // lookup per registration made a 50,000-row bulk report quadratic (it never finished).
        var tracked = new Dictionary<Guid, Resident>();
        foreach (var entry in ChangeTracker.Entries<Resident>())
        {
            tracked[entry.Entity.Id] = entry.Entity;
            if (entry.State == EntityState.Added && entry.Entity.AreaCode is null && OfficerJurisdiction is { } desk)
                entry.Entity.PlaceIn(desk);
        }

        foreach (var registration in MovedRegistrations())
        {
            var resident = tracked.GetValueOrDefault(registration.ResidentId)
                ?? Residents.IgnoreQueryFilters().Single(r => r.Id == registration.ResidentId);
            resident.PlaceIn(Jurisdiction.Of(registration.CommunityCode));
        }
    }

    private async Task LoadPlacedResidentsAsync(CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        var tracked = ChangeTracker.Entries<Resident>().Select(e => e.Entity.Id).ToHashSet();
        var missing = MovedRegistrations().Select(g => g.ResidentId).Where(id => !tracked.Contains(id)).Distinct().ToList();
        if (missing.Count > 0)
            await Residents.IgnoreQueryFilters().Where(r => missing.Contains(r.Id)).LoadAsync(cancellationToken).ConfigureAwait(false);
    }

    private List<ResidenceRegistration> MovedRegistrations() =>
    [
        .. ChangeTracker.Entries<ResidenceRegistration>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && IsModified(e.Property(g => g.CommunityCode))))
            .Select(e => e.Entity),
    ];

    private static bool IsModified(PropertyEntry property) => property.IsModified;
}

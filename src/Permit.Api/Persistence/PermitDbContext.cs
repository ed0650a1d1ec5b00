using Permit.Api.Features.Credentials;
using Permit.Api.Features.Jobs;
using Permit.Api.Features.Permits;
using Permit.Api.Features.Points;
using Permit.Api.Features.SchoolAdmission;
using Permit.Api.Persistence.Configurations;
using Permit.Api.Security.Accounts;
using Permit.Api.Security.Fields;
using Permit.Domain.Applications;
using Permit.Domain.Identity;
using Permit.Domain.Permits;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Persistence;

/// <summary>
/// The one context of the API. The model is provider-neutral; each provider's subclass (<c>Sqlite/</c>,
/// <c>Postgres/</c>, <c>SqlServer/</c>) only adds its own migrations. Saving applies the aggregate rules that the
/// database enforces: a fresh concurrency version for every changed aggregate, the live-permit holder column and the
/// blind index of citizen ID numbers (stored encrypted by <see cref="CitizenIdProtector"/>; null only at design time).
/// </summary>
public abstract partial class PermitDbContext(DbContextOptions options, CitizenIdProtector? citizenIdProtector)
    : DbContext(options), ICitizenIdProtectedContext, Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public CitizenIdProtector? CitizenIdProtector { get; } = citizenIdProtector;

    /// <summary>The residents whose citizen ID number is <paramref name="number"/> (by blind index: none or one).</summary>
    public IQueryable<Resident> ResidentsWithCitizenId(CitizenIdNumber number) =>
        Residents.WhereCitizenIdIs(RequireCitizenIdProtector(), number);

    /// <summary>The keys for blind-index lookups; only a design-time context lacks them.</summary>
    public CitizenIdProtector RequireCitizenIdProtector() => CitizenIdProtector
        ?? throw new InvalidOperationException("This context was built without citizen ID keys (design time only).");

    public DbSet<Resident> Residents => Set<Resident>();

    public DbSet<ResidenceRegistration> ResidenceRegistrations => Set<ResidenceRegistration>();

    public DbSet<PermitApplication> PermitApplications => Set<PermitApplication>();

    public DbSet<ResidencePermit> ResidencePermits => Set<ResidencePermit>();

    public DbSet<PointsBalance> PointsBalances => Set<PointsBalance>();

    public DbSet<PointsEntry> PointsEntries => Set<PointsEntry>();

    public DbSet<SocialInsuranceCover> SocialInsuranceCovers => Set<SocialInsuranceCover>();

    public DbSet<PointsReview> PointsReviews => Set<PointsReview>();

    /// <summary>The community directory an admin maintains; registrations name one of its communities.</summary>
    public DbSet<Permit.Domain.Regions.Community> Communities => Set<Permit.Domain.Regions.Community>();

    /// <summary>The session-cookie key ring shared by all nodes, each key encrypted (<c>Security/Nodes/SharedDataProtection</c>).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PermitDbContext).Assembly);
        SecurityModel.Configure(modelBuilder);
        AuditModel.Configure(modelBuilder);
        PermitsModel.Configure(modelBuilder);
        PointsModel.Configure(modelBuilder);
        CredentialsModel.Configure(modelBuilder);
        JobsModel.Configure(modelBuilder);
        SchoolAdmissionModel.Configure(modelBuilder);
        Features.Families.FamiliesModel.Configure(modelBuilder);
        Features.Settlement.SettlementModel.Configure(modelBuilder);
        Features.Settlement.SettlementRoundsModel.Configure(modelBuilder);
        Features.Photos.PhotosModel.Configure(modelBuilder);
        Features.Duplicates.DuplicatesModel.Configure(modelBuilder);
        Features.Statistics.StatisticsModel.Configure(modelBuilder);
        ApplyJurisdictionFilters(modelBuilder);
        if (CitizenIdProtector is not null)
            EncryptCitizenIds(modelBuilder, CitizenIdProtector);
    }

    // The converter needs this context's keys, which a convention cannot take: it replaces the unkeyed one here.
    private static void EncryptCitizenIds(ModelBuilder modelBuilder, CitizenIdProtector protector)
    {
        var converter = new EncryptedCitizenIdNumberConverter(protector);
        var numbers = modelBuilder.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties())
            .Where(p => p.ClrType == typeof(CitizenIdNumber));
        foreach (var number in numbers)
            number.SetValueConverter(converter);

        // Addresses are personal data too: stored encrypted with the same field key.
        var addresses = new EncryptedAddressConverter(protector);
        modelBuilder.Entity<Resident>().Property(r => r.HukouAddress).HasConversion(addresses);
        modelBuilder.Entity<ResidenceRegistration>().Property(r => r.Address).HasConversion(addresses);
        modelBuilder.Entity<ResidenceRegistration>().OwnsMany(r => r.Changes).Property(c => c.NewValue).HasConversion(addresses);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ApplyAggregateRules();
        // Audit entries recorded in this unit of work are linked onto the chain and saved with it; a status change moves
        // the status lists' change marker in the same transaction.
        return StatusChangeMarker.Save(this, () => AuditChain.Save(this, () => base.SaveChanges(acceptAllChangesOnSuccess)));
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        await LoadPlacedResidentsAsync(cancellationToken).ConfigureAwait(false);
        // LoadPlacedResidentsAsync has just detected changes, and loading residents changes none.
        ApplyAggregateRules(detected: true);
        return await StatusChangeMarker.SaveAsync(
                this, ct => AuditChain.SaveAsync(this, c => base.SaveChangesAsync(acceptAllChangesOnSuccess, c), ct), cancellationToken)
            .ConfigureAwait(false);
    }

    // A transaction disposed on an exception (no commit or rollback event) must not keep the audit append lock.
    public override void Dispose()
    {
        AuditChain.ReleaseTransactionLease(this);
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override ValueTask DisposeAsync()
    {
        AuditChain.ReleaseTransactionLease(this);
        GC.SuppressFinalize(this);
        return base.DisposeAsync();
    }

    // Each DetectChanges scans every tracked entity: a bulk report's save tracks three per row.
    private void ApplyAggregateRules(bool detected = false)
    {
        if (!detected)
            ChangeTracker.DetectChanges();
        PlaceResidents();
        ChangeTracker.DetectChanges();
        if (CitizenIdProtector is not null)
            CitizenIdBlindIndex.Apply(ChangeTracker, CitizenIdProtector);
        LivePermitHolder.Apply(ChangeTracker);
        PointsLedgerGuard.Apply(ChangeTracker);
        AggregateVersions.Bump(ChangeTracker);
    }
}

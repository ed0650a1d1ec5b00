using Microsoft.EntityFrameworkCore;
using Permit.Api.Audit;
using Permit.Api.Features.Permits;
using Permit.Api.Persistence.Configurations;
using Permit.Api.Security.Accounts;
using Permit.Domain.Applications;
using Permit.Domain.Permits;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Persistence;

/// <summary>
/// The one context of the API. The model is provider-neutral; each provider's subclass (<c>Sqlite/</c>,
/// <c>Postgres/</c>, <c>SqlServer/</c>) only adds its own migrations. Saving applies the aggregate rules that the
/// database enforces: a fresh concurrency version for every changed aggregate and the live-permit holder column.
/// </summary>
public abstract class PermitDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Resident> Residents => Set<Resident>();

    public DbSet<ResidenceRegistration> ResidenceRegistrations => Set<ResidenceRegistration>();

    public DbSet<PermitApplication> PermitApplications => Set<PermitApplication>();

    public DbSet<ResidencePermit> ResidencePermits => Set<ResidencePermit>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModelConventions.Apply(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PermitDbContext).Assembly);
        SecurityModel.Configure(modelBuilder);
        AuditModel.Configure(modelBuilder);
        PermitsModel.Configure(modelBuilder);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ApplyAggregateRules();
        // Audit entries recorded in this unit of work are linked onto the chain and saved with it.
        return AuditChain.Save(this, () => base.SaveChanges(acceptAllChangesOnSuccess));
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ApplyAggregateRules();
        return AuditChain.SaveAsync(this, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
    }

    private void ApplyAggregateRules()
    {
        ChangeTracker.DetectChanges();
        LivePermitHolder.Apply(ChangeTracker);
        AggregateVersions.Bump(ChangeTracker);
    }
}

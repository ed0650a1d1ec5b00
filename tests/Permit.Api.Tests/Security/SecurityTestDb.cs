using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Permit.Api.Security.Fields;
using Permit.Domain.Identity;

namespace Permit.Api.Tests.Security;

/// <summary>
/// A small context with only the security and audit tables (plus a row with an encrypted ID number), on its own SQLite
/// file, saving the way the API's context does: blind indexes filled, audit entries linked in the same save.
/// </summary>
public sealed class SecurityTestDb(DbContextOptions<SecurityTestDb> options, CitizenIdProtector protector)
    : DbContext(options), ICitizenIdProtectedContext
{
    public CitizenIdProtector? CitizenIdProtector => protector;

    public DbSet<PersonRow> People => Set<PersonRow>();

    public static async Task<(string ConnectionString, DirectoryInfo Directory)> CreateDatabaseAsync(
        CitizenIdProtector protector, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("permit-security-tests-");
        var connectionString = $"Data Source={Path.Combine(directory.FullName, "security.db")}";
        await using var db = Open(connectionString, protector);
        await db.Database.EnsureCreatedAsync(cancellationToken);
        return (connectionString, directory);
    }

    public static SecurityTestDb Open(string connectionString, CitizenIdProtector protector) =>
        new(new DbContextOptionsBuilder<SecurityTestDb>()
            .UseSqlite(connectionString)
            .ReplaceService<IModelCacheKeyFactory, CitizenIdProtectedModelCacheKeyFactory>()
            .Options, protector);

    public static void Delete(DirectoryInfo directory)
    {
        SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        AuditModel.Configure(modelBuilder);
        SecurityModel.Configure(modelBuilder);
        modelBuilder.Entity<PersonRow>(person =>
        {
            person.HasKey(p => p.Id);
            person.Property(p => p.CitizenId)
                .HasConversion(new EncryptedCitizenIdNumberConverter(protector))
                .HasMaxLength(CitizenIdProtector.StoredMaxLength);
            person.HasCitizenIdBlindIndex(p => p.CitizenId, "UX_People_CitizenIdIndex");
        });
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        CitizenIdBlindIndex.Apply(ChangeTracker, protector);
        return AuditChain.SaveAsync(this, ct => base.SaveChangesAsync(acceptAllChangesOnSuccess, ct), cancellationToken);
    }
}

public sealed class PersonRow
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required CitizenIdNumber CitizenId { get; set; }
}

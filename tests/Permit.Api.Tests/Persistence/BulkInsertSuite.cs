using static Permit.Api.Tests.Persistence.PermitData;

namespace Permit.Api.Tests.Persistence;

/// <summary>
/// A save whose added rows go in bulk (<see cref="BulkInserts"/>, a bulk report's real run) writes what EF would have
/// written, keeps the database's rules, and on a failure leaves nothing of itself behind.
/// </summary>
public abstract class BulkInsertSuite(ITestDatabase database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Residents_and_registrations_saved_in_bulk_read_back_decrypted_with_their_audit_chain_intact()
    {
        var resident = NewResident();
        var registration = RegistrationOf(resident);
        await using (var db = database.NewContext())
        {
            db.AddRange(resident, registration);
            new AuditTrail(db, new SystemActor(), TimeProvider.System).Record("bulk-report.arrival", resident.Id, "reported by a test");
            await SaveInBulkAsync(db);
        }

        await using var read = database.NewContext();
        var loaded = await read.ResidentsWithCitizenId(resident.CitizenId).SingleAsync(Cancel);
        Assert.Equal((resident.CitizenId.Value, resident.HukouAddress, "330211003001"), (loaded.CitizenId.Value, loaded.HukouAddress, loaded.AreaCode));
        var saved = await read.ResidenceRegistrations.SingleAsync(r => r.Id == registration.Id, Cancel);
        Assert.Equal((registration.Address, registration.ArrivalDate), (saved.Address, saved.ArrivalDate));
        Assert.True((await AuditVerifier.VerifyAsync(read, Cancel)).IsIntact);
    }

    [Fact]
    public async Task A_bulk_save_refused_by_the_database_writes_none_of_its_rows_and_names_the_broken_rule()
    {
        var idNumber = NewIdNumber();
        var first = NewResident(idNumber);
        var firstRegistration = RegistrationOf(first);
        await using var db = database.NewContext();
        db.AddRange(first, firstRegistration, NewResident(idNumber));

        var refused = await Assert.ThrowsAnyAsync<DbUpdateException>(() => SaveInBulkAsync(db));

        Assert.True(refused.IsViolationOf(UniqueRules.ResidentIdNumber));
        await using var read = database.NewContext();
        Assert.False(await read.Residents.AnyAsync(r => r.Id == first.Id, Cancel));
        Assert.False(await read.ResidenceRegistrations.AnyAsync(r => r.Id == firstRegistration.Id, Cancel));
    }

    [Fact]
    public async Task A_bulk_save_that_also_ends_a_known_registration_writes_both()
    {
        var known = NewResident();
        var knownRegistration = RegistrationOf(known);
        await using (var db = database.NewContext())
        {
            db.AddRange(known, knownRegistration);
            await db.SaveChangesAsync(Cancel);
        }
        var arriving = NewResident();
        await using (var db = database.NewContext())
        {
            var ending = await db.ResidenceRegistrations.SingleAsync(r => r.Id == knownRegistration.Id, Cancel);
            ending.MoveOut(Today);
            db.AddRange(arriving, RegistrationOf(arriving));
            await SaveInBulkAsync(db);
        }

        await using var read = database.NewContext();
        Assert.Equal(Today, (await read.ResidenceRegistrations.SingleAsync(r => r.Id == knownRegistration.Id, Cancel)).MovedOutOn);
        Assert.True(await read.ResidenceRegistrations.AnyAsync(r => r.ResidentId == arriving.Id, Cancel));
    }

    private static async Task SaveInBulkAsync(PermitDbContext db)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(Cancel);
        using (BulkInserts.For(db))
            await db.SaveChangesAsync(Cancel);
        await transaction.CommitAsync(Cancel);
    }

    private sealed class SystemActor : IAuditActorSource
    {
        public AuditActor Current => AuditActor.System("bulk-insert-tests");
    }
}

public sealed class SqliteBulkInsertTests(SqliteTestDatabase database)
    : BulkInsertSuite(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresBulkInsertTests(PostgresTestDatabase database)
    : BulkInsertSuite(database), IClassFixture<PostgresTestDatabase>;

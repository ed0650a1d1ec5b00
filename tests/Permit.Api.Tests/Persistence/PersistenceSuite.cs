using System.Data.Common;
using Permit.Domain.Applications;
using Permit.Domain.Permits;
using Permit.Domain.Registrations;
using static Permit.Api.Tests.Persistence.PermitData;

namespace Permit.Api.Tests.Persistence;

/// <summary>
/// One suite, run on every real database we have (<see cref="SqlitePersistenceTests"/>, <see cref="PostgresPersistenceTests"/>):
/// aggregates come back as they were saved, and the database itself refuses what the model forbids.
/// </summary>
public abstract class PersistenceSuite(ITestDatabase database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_resident_comes_back_with_ID_number_sex_and_ethnic_group()
    {
        var resident = NewResident();
        await using (var db = database.NewContext())
        {
            db.Residents.Add(resident);
            await db.SaveChangesAsync(Cancel);
        }

        await using var read = database.NewContext();
        var loaded = await read.ResidentsWithCitizenId(resident.CitizenId).SingleAsync(Cancel);
        Assert.Equal(resident.Id, loaded.Id);
        Assert.Equal(resident.CitizenId.Value, loaded.CitizenId.Value);
        Assert.Equal(resident.Sex, loaded.Sex);
        Assert.Equal("22", loaded.EthnicGroup.Code);
        Assert.Equal(resident.BirthDate, loaded.BirthDate);
        Assert.Equal("李四", loaded.Name);
    }

    [Fact]
    public async Task A_registration_comes_back_with_its_community_and_declared_changes()
    {
        var resident = NewResident();
        var registration = RegistrationOf(resident);
        await using (var db = database.NewContext())
        {
            db.AddRange(resident, registration);
            await db.SaveChangesAsync(Cancel);
        }
        await using (var db = database.NewContext())
        {
            var tracked = await db.ResidenceRegistrations.SingleAsync(r => r.Id == registration.Id, Cancel);
            tracked.ChangeWorkplace("宁波另一家公司", "劳动合同 LC-2026-002", Today.AddDays(-20), Today);
            await db.SaveChangesAsync(Cancel);
        }

        await using var read = database.NewContext();
        var loaded = await read.ResidenceRegistrations.SingleAsync(r => r.Id == registration.Id, Cancel);
        Assert.Equal("330211003001", loaded.CommunityCode.Value);
        Assert.Equal(ResidenceBasis.Employment, loaded.Basis);
        var change = Assert.Single(loaded.Changes);
        Assert.Equal(RegistrationChangeKind.Workplace, change.Kind);
        Assert.True(change.IsLate);
        Assert.Equal("宁波另一家公司", loaded.EmployerOrLandlord);
    }

    [Fact]
    public async Task An_application_comes_back_approved_with_its_documents()
    {
        var (_, application) = await SaveApplicantAsync(database);

        await using var read = database.NewContext();
        var loaded = await read.PermitApplications.SingleAsync(a => a.Id == application.Id, Cancel);
        Assert.Equal(ApplicationStatus.Approved, loaded.Status);
        Assert.Equal(Today.AddDays(PermitApplication.IssueDays), loaded.DueDate);
        Assert.Equal(Supervisor.Id, loaded.DecidedBy);
        Assert.Equal(
            [DocumentKind.IdCard, DocumentKind.Photo, DocumentKind.LabourContract],
            loaded.Documents.Select(d => d.Kind).Order());
        Assert.Empty(loaded.MissingDocuments);
    }

    [Fact]
    public async Task A_permit_comes_back_with_its_cards_and_endorsements()
    {
        var (_, application) = await SaveApplicantAsync(database);
        var permit = Issue(application);
        permit.ConfirmCardIssued(NewSerial(), 1, Today);
        permit.ExchangeDamagedCard(Today.AddMonths(3));
        permit.Endorse(permit.ValidUntil.AddDays(-10), holderStillQualifies: true);
        await using (var db = database.NewContext())
        {
            db.ResidencePermits.Add(permit);
            await db.SaveChangesAsync(Cancel);
        }

        await using var read = database.NewContext();
        var loaded = await read.ResidencePermits.SingleAsync(p => p.Number == permit.Number, Cancel);
        Assert.Equal(PermitStatus.Active, loaded.Status);
        Assert.Equal(permit.ValidUntil, loaded.ValidUntil);
        Assert.Equal([(1, CardStatus.Revoked), (2, CardStatus.Ordered)], loaded.Cards.OrderBy(c => c.Sequence).Select(c => (c.Sequence, c.Status)));
        Assert.Equal(permit.Cards.First().Serial, loaded.Cards.Single(c => c.Sequence == 1).Serial);
        var endorsement = Assert.Single(loaded.Endorsements);
        Assert.False(endorsement.IsLate);
    }

    [Fact]
    public async Task A_second_resident_with_the_same_ID_number_is_refused_by_the_database()
    {
        var idNumber = NewIdNumber();
        await using (var db = database.NewContext())
        {
            db.Residents.Add(NewResident(idNumber));
            await db.SaveChangesAsync(Cancel);
        }

        await using var second = database.NewContext();
        second.Residents.Add(NewResident(idNumber));
        var refused = await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync(Cancel));

        Assert.True(refused.IsViolationOf(UniqueRules.ResidentIdNumber));
    }

    [Fact]
    public async Task A_permit_number_cannot_be_given_twice()
    {
        var number = NewPermitNumber();
        var (_, first) = await SaveApplicantAsync(database);
        var (_, second) = await SaveApplicantAsync(database);
        await using (var db = database.NewContext())
        {
            db.ResidencePermits.Add(Issue(first, number));
            await db.SaveChangesAsync(Cancel);
        }

        await using var again = database.NewContext();
        again.ResidencePermits.Add(Issue(second, number));
        var refused = await Assert.ThrowsAnyAsync<DbUpdateException>(() => again.SaveChangesAsync(Cancel));

        Assert.True(refused.IsViolationOf(UniqueRules.PermitNumber));
    }

    [Fact]
    public async Task A_card_sequence_cannot_appear_twice_on_one_permit()
    {
        var (_, application) = await SaveApplicantAsync(database);
        var permit = Issue(application);
        await using (var db = database.NewContext())
        {
            db.ResidencePermits.Add(permit);
            await db.SaveChangesAsync(Cancel);
        }

        // The model never orders a duplicate card; a hand-written insert shows the database refuses one anyway.
        await using var raw = database.NewContext();
        var card = permit.Cards.Single();
        var refused = await Assert.ThrowsAnyAsync<DbException>(() => raw.Database.ExecuteSqlAsync(
            $"""INSERT INTO "PermitCards" ("Id", "PermitId", "Sequence", "Reason", "Status", "OrderedOn") VALUES ({Guid.NewGuid()}, {permit.Id}, {card.Sequence}, {"FirstIssue"}, {"Ordered"}, {Today})""",
            Cancel));

        Assert.True(refused.IsViolationOf(UniqueRules.CardSequence));
    }

    [Fact]
    public async Task A_resident_cannot_hold_two_live_permits_but_may_get_a_new_one_after_the_first_ended()
    {
        var (resident, application) = await SaveApplicantAsync(database);
        var first = Issue(application);
        await using (var db = database.NewContext())
        {
            db.ResidencePermits.Add(first);
            await db.SaveChangesAsync(Cancel);
        }

        await using (var db = database.NewContext())
        {
            db.ResidencePermits.Add(Issue(application));
            var refused = await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync(Cancel));
            Assert.True(refused.IsViolationOf(UniqueRules.LivePermitPerResident));
        }

        await using (var db = database.NewContext())
        {
            var tracked = await db.ResidencePermits.SingleAsync(p => p.Id == first.Id, Cancel);
            tracked.Terminate(PermitEndReason.NoLongerQualifies, Today);
            await db.SaveChangesAsync(Cancel);
        }
        await using (var db = database.NewContext())
        {
            db.ResidencePermits.Add(Issue(application));
            await db.SaveChangesAsync(Cancel);
        }

        await using var read = database.NewContext();
        var statuses = await read.ResidencePermits.Where(p => p.ResidentId == resident.Id).Select(p => p.Status).ToListAsync(Cancel);
        Assert.Equal([PermitStatus.PendingCard, PermitStatus.Terminated], statuses.Order());
    }

    [Fact]
    public async Task A_stale_edit_of_a_resident_is_detected_as_a_concurrent_change()
    {
        var resident = NewResident();
        await using (var db = database.NewContext())
        {
            db.Residents.Add(resident);
            await db.SaveChangesAsync(Cancel);
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var mine = await first.Residents.SingleAsync(r => r.Id == resident.Id, Cancel);
        var theirs = await second.Residents.SingleAsync(r => r.Id == resident.Id, Cancel);
        mine.ChangeContact("13800000001");
        await first.SaveChangesAsync(Cancel);
        theirs.ChangeContact("13800000002");
        var refused = await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync(Cancel));

        Assert.True(DatabaseConflicts.TryClassify(refused, out var conflict));
        Assert.Equal(DatabaseConflictKind.ConcurrentChange, conflict.Kind);
    }

    [Fact]
    public async Task A_change_to_a_card_alone_still_makes_a_stale_permit_edit_fail()
    {
        var (_, application) = await SaveApplicantAsync(database);
        var permit = Issue(application);
        permit.ConfirmCardIssued(NewSerial(), 1, Today);
        await using (var db = database.NewContext())
        {
            db.ResidencePermits.Add(permit);
            await db.SaveChangesAsync(Cancel);
        }

        await using var counter = database.NewContext();
        await using var office = database.NewContext();
        var atCounter = await counter.ResidencePermits.SingleAsync(p => p.Id == permit.Id, Cancel);
        var atOffice = await office.ResidencePermits.SingleAsync(p => p.Id == permit.Id, Cancel);
        atCounter.ReplaceLostCard(Today.AddDays(30));
        await counter.SaveChangesAsync(Cancel);
        atOffice.RevokeForFraud("伪造劳动合同", Today.AddDays(31));
        var refused = await Assert.ThrowsAnyAsync<DbUpdateConcurrencyException>(() => office.SaveChangesAsync(Cancel));

        Assert.True(DatabaseConflicts.TryClassify(refused, out var conflict));
        Assert.Equal(DatabaseConflictKind.ConcurrentChange, conflict.Kind);
    }

    [Fact]
    public async Task Twenty_simultaneous_issuances_for_one_resident_leave_exactly_one_permit()
    {
        const int attempts = 20;
        var (resident, application) = await SaveApplicantAsync(database);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var outcomes = Enumerable.Range(0, attempts).Select(_ => Task.Run(async () =>
        {
            await using var db = database.NewContext();
            db.ResidencePermits.Add(Issue(application));
            await start.Task;
            try
            {
                await db.SaveChangesAsync(Cancel);
                return (DatabaseConflict?)null;
            }
            catch (DbUpdateException e) when (DatabaseConflicts.TryClassify(e, out var conflict))
            {
                return conflict;
            }
        }, Cancel)).ToList();
        start.SetResult();
        var results = await Task.WhenAll(outcomes);

        Assert.Single(results, r => r is null);
        Assert.All(results.OfType<DatabaseConflict>(), c => Assert.Equal(UniqueRules.LivePermitPerResident, c.Rule));
        await using var read = database.NewContext();
        Assert.Equal(1, await read.ResidencePermits.CountAsync(p => p.ResidentId == resident.Id, Cancel));
    }
}

public sealed class SqlitePersistenceTests(SqliteTestDatabase database)
    : PersistenceSuite(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresPersistenceTests(PostgresTestDatabase database)
    : PersistenceSuite(database), IClassFixture<PostgresTestDatabase>;

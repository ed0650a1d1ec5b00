using static Permit.Api.Tests.Persistence.PermitData;

namespace Permit.Api.Tests.Persistence;

/// <summary>
/// Citizen ID numbers at rest, on every real database we have: the column holds only AES-GCM ciphertext, and lookups
/// and the one-resident-per-number rule still work through the keyed blind index.
/// </summary>
public abstract class EncryptedCitizenIdSuite(ITestDatabase database)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_Residents_table_holds_no_plain_ID_number()
    {
        var resident = NewResident();
        await using (var db = database.NewContext())
        {
            db.Residents.Add(resident);
            await db.SaveChangesAsync(Cancel);
        }

        // Read behind EF's back, as anyone with a copy of the database would.
        await using var raw = database.NewContext();
        var stored = await raw.Database
            .SqlQueryRaw<string>("""SELECT "CitizenId" AS "Value" FROM "Residents" """).ToListAsync(Cancel);
        var indexes = await raw.Database
            .SqlQueryRaw<string>("""SELECT "CitizenIdIndex" AS "Value" FROM "Residents" """).ToListAsync(Cancel);

        var birthDigits = resident.CitizenId.Value[6..14];
        Assert.All(stored, s => Assert.DoesNotContain(birthDigits, s, StringComparison.Ordinal));
        Assert.All(stored, s => Assert.StartsWith("v1:", s, StringComparison.Ordinal));
        Assert.All(indexes, i => Assert.Matches("^[0-9a-f]{32}$", i));
        var protector = raw.RequireCitizenIdProtector();
        Assert.Contains(resident.CitizenId, stored.Select(protector.Unprotect));
        Assert.Contains(protector.BlindIndex(resident.CitizenId), indexes);
    }

    [Fact]
    public async Task A_resident_is_found_by_ID_number_and_an_unknown_number_finds_nobody()
    {
        var wanted = NewResident();
        var other = NewResident();
        await using (var db = database.NewContext())
        {
            db.Residents.AddRange(wanted, other);
            await db.SaveChangesAsync(Cancel);
        }

        await using var read = database.NewContext();
        var found = await read.ResidentsWithCitizenId(wanted.CitizenId).AsNoTracking().SingleAsync(Cancel);
        var nobody = await read.ResidentsWithCitizenId(NewIdNumber()).AnyAsync(Cancel);

        Assert.Equal(wanted.Id, found.Id);
        Assert.Equal(wanted.CitizenId, found.CitizenId);
        Assert.False(nobody);
    }

    [Fact]
    public async Task A_changed_resident_keeps_a_blind_index_that_still_finds_them()
    {
        var resident = NewResident();
        await using (var db = database.NewContext())
        {
            db.Residents.Add(resident);
            await db.SaveChangesAsync(Cancel);
        }
        await using (var db = database.NewContext())
        {
            var tracked = await db.ResidentsWithCitizenId(resident.CitizenId).SingleAsync(Cancel);
            tracked.ChangeContact("13800000000");
            await db.SaveChangesAsync(Cancel);
        }

        await using var read = database.NewContext();
        var found = await read.ResidentsWithCitizenId(resident.CitizenId).SingleAsync(Cancel);
        Assert.Equal("13800000000", found.Contact);
    }
}

public sealed class SqliteEncryptedCitizenIdTests(SqliteTestDatabase database)
    : EncryptedCitizenIdSuite(database), IClassFixture<SqliteTestDatabase>;

public sealed class PostgresEncryptedCitizenIdTests(PostgresTestDatabase database)
    : EncryptedCitizenIdSuite(database), IClassFixture<PostgresTestDatabase>;

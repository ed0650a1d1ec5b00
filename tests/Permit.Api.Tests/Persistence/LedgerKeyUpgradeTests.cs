using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Permit.Api.Tests.Persistence;

/// <summary>
/// A district's database made before the narrow accrual key, with a ledger in it, upgrades: the accrual entries move
/// to (indicator, month), lose their text key, and a month already accrued still cannot be accrued twice.
/// </summary>
public sealed class LedgerKeyUpgradeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sqlite_database_with_accrual_entries_upgrades_to_the_narrow_key()
    {
        var directory = Directory.CreateTempSubdirectory("permit-upgrade-");
        try
        {
            var connection = $"Data Source={Path.Combine(directory.FullName, "permit.db")}";
            // SQLite keeps CreatedAt as ticks (a value converter), PostgreSQL as timestamptz.
            await UpgradeAsync(() => PermitDatabase.CreateContext(DatabaseProvider.Sqlite, connection, TestCitizenIdKeys.Protector), 0L);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_postgres_database_with_accrual_entries_upgrades_to_the_narrow_key()
    {
        var server = TestProviders.PostgresServer();
        var name = $"permit_test_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        try
        {
            await UpgradeAsync(() => PermitDatabase.CreateContext(DatabaseProvider.Postgres, connection, TestCitizenIdKeys.Protector), DateTimeOffset.UnixEpoch);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await TestProviders.DropPostgresDatabaseAsync(server, name);
        }
    }

    private static async Task UpgradeAsync(Func<PermitDbContext> newContext, object createdAt)
    {
        string[] migrations;
        await using (var db = newContext())
        {
            migrations = [.. db.Database.GetMigrations()];
            var narrow = Array.FindIndex(migrations, m => m.EndsWith("_NarrowLedgerKey", StringComparison.Ordinal));
            Assert.True(narrow > 0, "no NarrowLedgerKey migration");
            await db.GetService<IMigrator>().MigrateAsync(migrations[narrow - 1], Ct);
        }

        var resident = PermitData.NewResident();
        await using (var db = newContext())
        {
            db.Add(resident);
            await db.SaveChangesAsync(Ct);
            // The rows as the accrual wrote them before the upgrade: a text key per month and indicator.
            foreach (var (key, indicator, period) in new[]
            {
                ("accrual:2026-09:province.residence", "province.residence", "2026-09"),
                ("accrual:2026-10:province.residence", "province.residence", "2026-10"),
                ("accrual:2026-10:province.social-insurance", "province.social-insurance", "2026-10"),
                ("fact:education:1", "province.education", (string?)null),
            })
            {
                await db.Database.ExecuteSqlAsync(
                    $"""INSERT INTO "PointsEntries" ("ResidentId", "Key", "Kind", "Indicator", "Period", "Quantity", "PointsHundredths", "RuleSetVersion", "Source", "CreatedAt") VALUES ({resident.Id}, {key}, {"accrual"}, {indicator}, {period}, {1}, {100}, {"zhenhai-2026"}, {"accrual"}, {createdAt})""",
                    Ct);
            }
        }

        await using (var db = newContext())
            await db.Database.MigrateAsync(Ct);

        await using (var db = newContext())
        {
            var rows = await db.Database.SqlQuery<UpgradedEntry>(
                    $"""SELECT "Key" AS "Key", "Indicator" AS "Indicator", "AccrualIndicator" AS "AccrualIndicator", "AccrualMonth" AS "AccrualMonth" FROM "PointsEntries" WHERE "ResidentId" = {resident.Id}""")
                .ToListAsync(Ct);
            Assert.Equal(4, rows.Count);
            Assert.Equal(
                ["202609 province.residence", "202610 province.residence", "202610 province.social-insurance"],
                rows.Where(r => r.AccrualMonth is not null).Select(r => $"{r.AccrualMonth} {r.Indicator}").Order(StringComparer.Ordinal));
            Assert.All(rows.Where(r => r.AccrualMonth is not null), r => Assert.Null(r.Key));
            Assert.Equal((short?)2, rows.Single(r => r.Indicator == "province.residence" && r.AccrualMonth == 202610).AccrualIndicator);
            Assert.Equal((short?)1, rows.Single(r => r.Indicator == "province.social-insurance").AccrualIndicator);
            Assert.Equal("fact:education:1", rows.Single(r => r.AccrualMonth is null).Key);

            // The month stays accrued: the same (resident, indicator, month) again is refused by the new unique index.
            var again = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "PointsEntries" ("ResidentId", "Kind", "Indicator", "Period", "Quantity", "PointsHundredths", "RuleSetVersion", "Source", "CreatedAt", "AccrualIndicator", "AccrualMonth") VALUES ({resident.Id}, {"accrual"}, {"province.residence"}, {"2026-10"}, {1}, {100}, {"zhenhai-2026"}, {"accrual"}, {createdAt}, {(short)2}, {202610})""",
                Ct));
            Assert.True(
                again is SqliteException { SqliteExtendedErrorCode: 2067 } or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation },
                "not refused by the unique narrow key: " + again);
        }
    }

    private sealed record UpgradedEntry(string? Key, string Indicator, short? AccrualIndicator, int? AccrualMonth);
}

using Permit.Domain.Permits;
using Permit.Domain.Regions;

namespace Permit.Api.Features.Permits;

/// <summary>
/// Hands out the next permit number of a (region, year) without gaps or duplicates. The caller must hold a transaction
/// that also inserts the permit: the counter row stays locked until it commits (PostgreSQL and SQL Server row locks;
/// SQLite's <c>BEGIN IMMEDIATE</c> write lock, which Microsoft.Data.Sqlite takes for every explicit transaction and waits
/// for while the database is busy), and a rollback gives the number back.
/// </summary>
public static class PermitNumberAllocator
{
    public static async Task<PermitNumber> NextAsync(PermitDbContext db, RegionCode region, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(region);
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Permit numbers are allocated inside the transaction that inserts the permit.");

        // One statement creates the counter or increments it under the row's lock, and reads the new value back.
        var sql = db.Database.IsSqlServer()
            ? """
              MERGE "PermitNumberCounters" WITH (HOLDLOCK) AS c
              USING (SELECT {0} AS "Region", {1} AS "Year") AS s ON c."Region" = s."Region" AND c."Year" = s."Year"
              WHEN MATCHED THEN UPDATE SET "LastSerial" = c."LastSerial" + 1
              WHEN NOT MATCHED THEN INSERT ("Region", "Year", "LastSerial") VALUES (s."Region", s."Year", 1)
              OUTPUT inserted."LastSerial" AS "Value";
              """
            : """
              INSERT INTO "PermitNumberCounters" ("Region", "Year", "LastSerial") VALUES ({0}, {1}, 1)
              ON CONFLICT ("Region", "Year") DO UPDATE SET "LastSerial" = "PermitNumberCounters"."LastSerial" + 1
              RETURNING "LastSerial" AS "Value"
              """;
        // Not composed (no First/Single), so EF sends the statement as written.
        var serials = await db.Database.SqlQueryRaw<int>(sql, region.Value, year).ToListAsync(cancellationToken);
        var serial = serials.Single();
        if (serial > PermitNumber.MaxSerial)
            throw new Domain.Common.DomainException("permit-numbers-exhausted", "No permit serials are left for this region and year.");
        return PermitNumber.Create(region, year, serial);
    }

    /// <summary>
    /// Moves the (region, year) counter to at least <paramref name="serial"/>, for numbers given out elsewhere (permits
    /// taken over from the system a district replaces): the next <see cref="NextAsync"/> never hands one of them out
    /// again. Never moves a counter back. One statement under the row's lock, like <see cref="NextAsync"/>.
    /// </summary>
    public static async Task ContinueAfterAsync(PermitDbContext db, RegionCode region, int year, int serial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(region);
        var sql = db.Database.IsSqlServer()
            ? """
              MERGE "PermitNumberCounters" WITH (HOLDLOCK) AS c
              USING (SELECT {0} AS "Region", {1} AS "Year", {2} AS "LastSerial") AS s ON c."Region" = s."Region" AND c."Year" = s."Year"
              WHEN MATCHED AND c."LastSerial" < s."LastSerial" THEN UPDATE SET "LastSerial" = s."LastSerial"
              WHEN NOT MATCHED THEN INSERT ("Region", "Year", "LastSerial") VALUES (s."Region", s."Year", s."LastSerial");
              """
            : """
              INSERT INTO "PermitNumberCounters" ("Region", "Year", "LastSerial") VALUES ({0}, {1}, {2})
              ON CONFLICT ("Region", "Year") DO UPDATE SET "LastSerial" = excluded."LastSerial"
              WHERE "PermitNumberCounters"."LastSerial" < excluded."LastSerial"
              """;
        await db.Database.ExecuteSqlRawAsync(sql, [region.Value, year, serial], cancellationToken);
    }
}

using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Permit.Api.Features.BulkReports;
using Permit.Api.Security.Fields;
using Microsoft.EntityFrameworkCore.Metadata;
using Permit.Api.Tests.Features.Residents;

namespace Permit.Api.Tests.Features.BulkReports;

/// <summary>
/// A real run writes its new rows set-based outside EF's change tracker (<see cref="DirectInserts"/>): all of a file or
/// nothing of it, and the very rows EF's own save writes.
/// </summary>
public sealed partial class BulkReportRealRunTests
{
    private static readonly DateOnly Arrival = new(2026, 2, 27);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_real_run_the_database_refuses_part_way_leaves_no_resident_registration_departure_or_audit_line_of_the_file(DatabaseProvider provider)
    {
        await using var desk = new PermitTestHost(provider, DeskData.Morning);
        using var client = desk.Officer();
        var people = EmployerFiles.Arrivals(301, Arrival);
        using (var first = await PostAsync(client, EmployerFiles.Csv(people.Take(1))))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var auditLinesBefore = await AuditLinesAsync(desk);
        // The file ends the known person's registration, then brings 300 people; the database refuses the 150th arrival.
        var file = EmployerFiles.Csv([Departure(people[0]), .. people.Skip(1)]);
        await RefuseEvidenceAsync(desk, people[150][8]);

        using (var refused = await PostAsync(client, file))
            Assert.False(refused.IsSuccessStatusCode);

        Assert.Equal((1, 1, 0), await desk.CountsAsync());
        await using (var db = desk.NewContext())
        {
            Assert.Null((await db.ResidenceRegistrations.SingleAsync(Cancel)).MovedOutOn);
            Assert.Equal(auditLinesBefore, await AuditLinesAsync(desk));
            Assert.True((await AuditVerifier.VerifyAsync(db, Cancel)).IsIntact);
        }

        // Nothing half-written stands in the way: the same file, once the database takes it, lands whole.
        await AllowEvidenceAsync(desk);
        using var accepted = await PostAsync(client, file);
        Assert.Equal(301, (await accepted.JsonAsync()).GetProperty("acceptedCount").GetInt32());
        Assert.Equal((301, 301, 0), await desk.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task The_direct_writer_stores_the_same_residents_registrations_and_audit_lines_as_EF_s_own_save(DatabaseProvider provider)
    {
        // The same files, on two databases: once through the direct writer, once through EF's change tracker.
        await using var direct = new PermitTestHost(provider, DeskData.Morning);
        await using var tracked = new PermitTestHost(provider, DeskData.Morning);
        var people = EmployerFiles.Arrivals(24, Arrival);
        var earlier = EmployerFiles.Csv([people[0], people[1], Departure(people[1])]);
        // A known person leaves, one who left comes back elsewhere, new people arrive, one of them leaves again.
        var moved = people[1].ToArray();
        moved[3] = "330211004002";
        var file = EmployerFiles.Csv([Departure(people[0]), moved, .. people.Skip(2), Departure(people[5])]);
        foreach (var (host, throughTracker) in new[] { (direct, false), (tracked, true) })
        {
            Assert.Equal(3, (await WriteAsync(host, earlier, throughTracker)).AcceptedCount);
            Assert.Equal(25, (await WriteAsync(host, file, throughTracker)).AcceptedCount);
        }

        await using var a = direct.NewContext();
        await using var b = tracked.NewContext();
        var residents = (await Rows<Permit.Domain.Residents.Resident>(a, r => r.CitizenId.Value), await Rows<Permit.Domain.Residents.Resident>(b, r => r.CitizenId.Value));
        Assert.Equal(24, residents.Item1.Count);
        var ids = residents.Item1.Zip(residents.Item2).ToDictionary(p => p.First.Id, p => p.Second.Id);
        SameColumns(a, b, residents.Item1, residents.Item2, ids);
        await SameStorageAsync(a, b, residents.Item1, residents.Item2, ids);
        // Every new aggregate its own random version (drawn in bulk by the direct writer): distinct, RFC 9562 version 4.
        var versions = residents.Item1.Select(r => (Guid)a.Entry(r).Property(AggregateVersions.PropertyName).CurrentValue!).ToList();
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.All(versions, v => Assert.Equal(4, v.Version));
        foreach (var (db, host) in new[] { (a, direct), (b, tracked) })
        {
            var protector = db.RequireCitizenIdProtector();
            foreach (var resident in await db.Residents.IgnoreQueryFilters().ToListAsync(Cancel))
                Assert.Equal(protector.BlindIndex(resident.CitizenId), db.Entry(resident).Property<string>(CitizenIdBlindIndex.PropertyName).CurrentValue);
            Assert.Equal("330211004002", (await db.ResidentsWithCitizenId(Permit.Domain.Identity.CitizenIdNumber.Parse(people[1][1])).SingleAsync(Cancel)).AreaCode);
            Assert.Equal("河南省郑州市金水区", (await db.ResidentsWithCitizenId(Permit.Domain.Identity.CitizenIdNumber.Parse(people[7][1])).SingleAsync(Cancel)).HukouAddress);
            Assert.True((await AuditVerifier.VerifyAsync(db, Cancel)).IsIntact);
        }

        var registrations = (await Rows<Permit.Domain.Registrations.ResidenceRegistration>(a, g => Key(ids, g.ResidentId, g)),
            await Rows<Permit.Domain.Registrations.ResidenceRegistration>(b, g => Key(ids.ToDictionary(p => p.Value, p => p.Value), g.ResidentId, g)));
        Assert.Equal(25, registrations.Item1.Count);
        SameColumns(a, b, registrations.Item1, registrations.Item2, ids);
        await SameStorageAsync(a, b, registrations.Item1, registrations.Item2, ids);
        var lines = (await a.Set<AuditEntry>().OrderBy(e => e.Sequence).ToListAsync(Cancel), await b.Set<AuditEntry>().OrderBy(e => e.Sequence).ToListAsync(Cancel));
        Assert.Equal(28, lines.Item1.Count);
        SameColumns(a, b, lines.Item1, lines.Item2, ids);
        await SameStorageAsync(a, b, lines.Item1, lines.Item2, ids);
    }

    private static string Key(Dictionary<Guid, Guid> ids, Guid residentId, Permit.Domain.Registrations.ResidenceRegistration registration) =>
        $"{ids[residentId]}|{registration.ArrivalDate:O}|{registration.Status}|{registration.CommunityCode.Value}";

    /// <summary>Every mapped column alike, decrypted; ids, versions and the hashes over them may differ, resident ids map.</summary>
    private static void SameColumns<T>(PermitDbContext a, PermitDbContext b, List<T> left, List<T> right, Dictionary<Guid, Guid> ids)
        where T : class
    {
        Assert.Equal(left.Count, right.Count);
        var type = a.Model.FindEntityType(typeof(T))!;
        for (var i = 0; i < left.Count; i++)
        {
            foreach (var property in type.GetProperties())
            {
                var x = a.Entry(left[i]).Property(property.Name).CurrentValue;
                var y = b.Entry(right[i]).Property(property.Name).CurrentValue;
                if (property.Name is "Id" or AggregateVersions.PropertyName or nameof(AuditEntry.Hash) or nameof(AuditEntry.PreviousHash) or CitizenIdBlindIndex.PropertyName)
                {
                    // Random per row (or keyed per database, the blind index, checked above), but always there.
                    Assert.NotNull(x);
                    Assert.NotNull(y);
                    continue;
                }
                if (property.Name == "ResidentId" && x is Guid resident)
                    x = ids[resident];
                Assert.True(Equals(x, y), $"{type.DisplayName()}.{property.Name}, row {i}: {x} written directly, {y} by EF.");
            }
        }
    }

    /// <summary>
    /// On SQLite, every column stored alike: the same storage class and, where the value is not random, the very same
    /// stored text (<c>quote</c>). Read back through EF, a Guid in lower case or a date in another text form looks equal,
    /// yet no longer matches EF's parameters in a query.
    /// </summary>
    private static async Task SameStorageAsync<T>(PermitDbContext a, PermitDbContext b, List<T> left, List<T> right, Dictionary<Guid, Guid> ids)
        where T : class
    {
        if (!a.Database.IsSqlite())
            return;
        var type = a.Model.FindEntityType(typeof(T))!;
        var properties = type.GetProperties().ToList();
        var (x, y) = (await StoredAsync(a, type, properties), await StoredAsync(b, type, properties));
        for (var i = 0; i < left.Count; i++)
        {
            var (rowX, rowY) = (x[Id(a, left[i])], y[Id(b, right[i])]);
            for (var c = 0; c < properties.Count; c++)
            {
                var (kind, text, upper) = rowX[c];
                var other = rowY[c];
                var name = $"{type.DisplayName()}.{properties[c].Name}, row {i}";
                Assert.True(kind == other.Kind, $"{name}: stored as {kind} directly, as {other.Kind} by EF.");
                if (properties[c].Name is "Id" or AggregateVersions.PropertyName or nameof(AuditEntry.Hash) or nameof(AuditEntry.PreviousHash)
                    or CitizenIdBlindIndex.PropertyName || (properties[c].GetValueConverter() is not null && Sealed().IsMatch(text)))
                {
                    // Random per row, or encrypted with a random nonce: the same form (length, case) is what can be compared.
                    Assert.True((text.Length, upper) == (other.Text.Length, other.Upper), $"{name}: {text} written directly, {other.Text} by EF.");
                    continue;
                }
                if (properties[c].Name == "ResidentId" && text.Length == 38)
                    text = $"'{ids[Guid.Parse(text[1..^1])].ToString().ToUpperInvariant()}'";
                Assert.True(text == other.Text, $"{name}: stored {text} directly, {other.Text} by EF.");
            }
        }

        static string Id(PermitDbContext db, T entity) => $"'{db.Entry(entity).Property("Id").CurrentValue!.ToString()!.ToUpperInvariant()}'";
    }

    [System.Text.RegularExpressions.GeneratedRegex("^'v[0-9]+:")]
    private static partial System.Text.RegularExpressions.Regex Sealed();

    private static async Task<Dictionary<string, (string Kind, string Text, bool Upper)[]>> StoredAsync(
        PermitDbContext db, IEntityType type, List<IProperty> properties)
    {
        var store = StoreObjectIdentifier.Table(type.GetTableName()!, null);
        var columns = properties.Select(p => $"\"{p.GetColumnName(store)}\"").ToList();
        await db.Database.OpenConnectionAsync(Cancel);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT quote(\"Id\"), {string.Join(", ", columns.Select(c => $"typeof({c}), quote({c}), {c} = upper({c})"))} FROM \"{store.Name}\"";
        var stored = new Dictionary<string, (string, string, bool)[]>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            stored[reader.GetString(0)] = [.. columns.Select((_, c) => (reader.GetString(1 + (3 * c)), reader.GetString(2 + (3 * c)), !reader.IsDBNull(3 + (3 * c)) && reader.GetInt64(3 + (3 * c)) == 1))];
        }
        return stored;
    }

    private static async Task<List<T>> Rows<T>(PermitDbContext db, Func<T, string> order)
        where T : class =>
        [.. (await db.Set<T>().IgnoreQueryFilters().ToListAsync(Cancel)).OrderBy(order, StringComparer.Ordinal)];

    private static async Task<BulkReportResponse> WriteAsync(PermitTestHost host, string csv, bool throughTracker)
    {
        await using var db = host.NewContext();
        var services = new ServiceCollection()
            .AddSingleton<IAuditTrail>(new AuditTrail(db, new TestActor(), host.Time))
            .BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        var (rows, _) = ReportFile.Read(Encoding.UTF8.GetBytes(csv), BulkReportsApi.MaxDataRows + 1, ReportEncoding.Detect);
        return await BulkReportWriter.WriteAsync(
            [.. rows.Skip(1)], db, host.Time, http, new BulkReportOptions { SaveThroughChangeTracker = throughTracker }, Cancel);
    }

    private static string[] Departure(string[] arrival) =>
        ["departure", arrival[1], arrival[2], "", "", "2026-03-02", arrival[6], "", "", "", ""];

    private static async Task<int> AuditLinesAsync(PermitTestHost desk)
    {
        await using var db = desk.NewContext();
        return await EntityFrameworkQueryableExtensions.CountAsync(db.Set<AuditEntry>(), Cancel);
    }

    /// <summary>Makes the database itself refuse a registration with this evidence, as a constraint would.</summary>
    private static async Task RefuseEvidenceAsync(PermitTestHost desk, string evidence)
    {
        await using var db = desk.NewContext();
        var sql = desk.Provider == DatabaseProvider.Sqlite
            ? $"""
               CREATE TRIGGER "permit_test_refuse" BEFORE INSERT ON "ResidenceRegistrations"
               WHEN NEW."Evidence" = '{evidence}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;
               """
            : $"""
               CREATE FUNCTION permit_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
               BEGIN IF NEW."Evidence" = '{evidence}' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$;
               CREATE TRIGGER permit_test_refuse BEFORE INSERT ON "ResidenceRegistrations" FOR EACH ROW EXECUTE FUNCTION permit_test_refuse();
               """;
        await db.Database.ExecuteSqlRawAsync(sql, Cancel);
    }

    private static async Task AllowEvidenceAsync(PermitTestHost desk)
    {
        await using var db = desk.NewContext();
        await db.Database.ExecuteSqlRawAsync(
            desk.Provider == DatabaseProvider.Sqlite ? "DROP TRIGGER \"permit_test_refuse\"" : "DROP TRIGGER permit_test_refuse ON \"ResidenceRegistrations\"", Cancel);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string csv)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return await client.PostAsync(new Uri("/api/bulk-reports", UriKind.Relative), content, Cancel);
    }

    private sealed class TestActor : IAuditActorSource
    {
        public AuditActor Current => AuditActor.System("bulk-report-real-run-tests");
    }
}

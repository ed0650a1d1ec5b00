using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Permit.Api.Persistence;
using Permit.Api.Security.Fields;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Identity;
using Permit.Domain.Permits;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Bench.Points;

/// <summary>
/// Seeds N made-up residents through the real model (so ID numbers are encrypted with their blind index and the
/// shadow columns are filled by <c>SaveChanges</c>), in batches with change tracking off: ages 22–60, Zhenhai's
/// townships and communities, 20% only registered, 5% applied, 65% holding an active permit, 10% suspended; then
/// social-insurance covers for 60% of holders with set-based inserts.
/// </summary>
public sealed class Seeder(DatabaseProvider provider, string connectionString, CitizenIdProtector protector)
{
    private const int Batch = 2000;
    private static readonly string[] Counties = ["342401", "341221", "412722", "411323", "510722", "513030", "522121", "360121", "430524", "500101", "330226", "532101"];
    private static readonly string[] Townships = ["330211001", "330211002", "330211003", "330211004", "330211005", "330211100", "330211101"];
    private static readonly Official Supervisor = new("bench-supervisor", OfficialRole.Supervisor);

    public List<string> PermitNumbers { get; } = [];

    public async Task SeedAsync(int residents, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(20261129);
        var serials = new Dictionary<int, int>();
        var covers = new List<(Guid Resident, DateOnly From)>();
        for (var start = 0; start < residents; start += Batch)
        {
            await using var db = PermitDatabase.CreateContext(provider, connectionString, protector);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var n = start; n < Math.Min(residents, start + Batch); n++)
                Add(db, n, random, today, serials, covers);
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            if ((start / Batch) % 50 == 0)
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {Math.Min(residents, start + Batch):N0} residents"));
        }

        await InsertCoversAsync(covers, now, ct);
    }

    private void Add(PermitDbContext db, int n, Random random, DateOnly today, Dictionary<int, int> serials, List<(Guid, DateOnly)> covers)
    {
        // Unique by construction: county, birth day and sequence all follow from n.
        var birth = new DateOnly(1966, 1, 1).AddDays((n / Counties.Length) % 13870);
        var sequence = (n / Counties.Length / 13870) + 1;
        var seventeen = string.Create(CultureInfo.InvariantCulture, $"{Counties[n % Counties.Length]}{birth:yyyyMMdd}{sequence:000}");
        var id = CitizenIdNumber.Parse(seventeen + Mod11Check.Compute(seventeen));
        var resident = Resident.FromIdCard(new IdentityDetails(id, "测试" + (n % 97).ToString(CultureInfo.InvariantCulture), id.Sex,
            EthnicGroup.Han, id.BirthDate, "安徽省六安市金安区1村1号"));
        db.Add(resident);

        var stage = random.Next(100);
        // A suspended holder missed the endorsement after the first year; the others were issued within 21 months.
        var issueDate = stage >= 90 ? today.AddMonths(-13).AddDays(-random.Next(0, 200)) : today.AddDays(-random.Next(20, 640));
        var registered = stage < 20 ? today.AddDays(-random.Next(1, 360)) : issueDate.AddMonths(-7).AddDays(-random.Next(0, 400));
        var community = CommunityCode.Parse(string.Create(CultureInfo.InvariantCulture, $"{Townships[n % Townships.Length]}{(n % 12) + 1:000}"));
        var registration = ResidenceRegistration.Declare(resident.Id, "宁波市镇海区骆驼街道1弄1号101室", community, registered, registered,
            ResidenceBasis.Employment, "BENCH-LC", "宁波镇海某某制造有限公司");
        db.Add(registration);
        if (stage < 20)
            return;

        var applied = stage < 25 ? today.AddDays(-random.Next(0, 20)) : issueDate.AddDays(-10);
        var application = PermitApplication.Submit(resident.Id, registration, DistrictExemption.None, applied);
        application.AddDocument(DocumentKind.IdCard, "bench/id", applied);
        application.AddDocument(DocumentKind.Photo, "bench/photo", applied);
        application.AddDocument(DocumentKind.LabourContract, "bench/lc", applied);
        application.Accept(applied);
        db.Add(application);
        if (stage < 25)
            return;

        application.Approve(Supervisor, applied.AddDays(3));
        serials[issueDate.Year] = serials.GetValueOrDefault(issueDate.Year) + 1;
        var permit = ResidencePermit.Issue(application, PermitNumber.Create(RegionCode.Zhenhai, issueDate.Year, serials[issueDate.Year]), "宁波市公安局镇海分局", issueDate);
        Span<byte> serial = stackalloc byte[8];
        random.NextBytes(serial);
        permit.ConfirmCardIssued(CardSerialNumber.FromBytes(serial), 1, issueDate.AddDays(2));
        if (stage < 90 && permit.ValidUntil < today)
            permit.Endorse(permit.ValidUntil.AddDays(-random.Next(0, 25)), holderStillQualifies: true);
        else if (stage >= 90)
            permit.SuspendForMissedEndorsement(today);
        db.Add(permit);
        PermitNumbers.Add(permit.Number.Value);
        if (random.Next(10) < 6)
            covers.Add((resident.Id, registered.AddMonths(random.Next(0, 6))));
    }

    // Set-based: multi-row INSERTs of 500 covers each (the cover's id is its resident's: one cover per resident).
    private async Task InsertCoversAsync(List<(Guid Resident, DateOnly From)> covers, DateTimeOffset now, CancellationToken ct)
    {
        object recordedAt = provider == DatabaseProvider.Sqlite
            ? new DateTimeOffsetToBinaryConverter().ConvertToProvider(now)!
            : now.ToUniversalTime();
        await using var db = PermitDatabase.CreateContext(provider, connectionString, protector);
        foreach (var chunk in covers.Chunk(500))
        {
            var rows = new List<string>();
            var parameters = new List<object> { recordedAt };
            foreach (var (resident, from) in chunk)
            {
                var at = parameters.Count;
                parameters.Add(resident);
                parameters.Add(from);
                rows.Add(string.Create(CultureInfo.InvariantCulture, $"({{{at}}}, {{{at}}}, {{{at + 1}}}, NULL, 'bench/si', 'bench', {{0}})"));
            }

            var sql = "INSERT INTO \"SocialInsuranceCovers\" (\"Id\", \"ResidentId\", \"CoveredFrom\", \"CoveredUntil\", \"EvidenceReference\", \"RecordedBy\", \"RecordedAt\") VALUES "
                + string.Join(", ", rows);
            await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
        }
    }
}

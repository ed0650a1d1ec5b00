using System.Threading.Channels;
using Microsoft.EntityFrameworkCore.Metadata;
using Permit.Api.Features.Points;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Bench.Points;

/// <summary>
/// Seeds N made-up residents through the real model (so ID numbers are encrypted with their blind index and the
/// shadow columns are filled by <c>SaveChanges</c>' own rules), written by <see cref="BulkWriter"/> in batches: ages
/// 22–60, Zhenhai's townships and communities, 20% only registered, 5% applied, 64% holding an active permit (endorsed
/// when a year has passed), 1% revoked for fraud, 10% suspended for a missed endorsement; social-insurance covers for 60% of holders, some
/// of them ended.
/// </summary>
public sealed class Seeder(DatabaseProvider provider, string connectionString, CitizenIdProtector protector)
{
    private const int Batch = 2000;

    private static readonly string[] Counties = ["342401", "341221", "412722", "411323", "510722", "513030", "522121", "360121", "430524", "500101", "330226", "532101"];
    private static readonly string[] Townships = ["330211001", "330211002", "330211003", "330211004", "330211005", "330211100", "330211101"];
    private static readonly Official Supervisor = new("bench-supervisor", OfficialRole.Supervisor);

    /// <summary>
    /// Seeds <paramref name="residents"/> residents into a migrated, empty database; returns the rows written. Batches
    /// are built in parallel (domain objects, the save rules, encryption) and written by one writer, in order of
    /// arrival: each batch is complete in itself (its residents' whole graphs), so the order does not matter.
    /// </summary>
    public async Task<long> SeedAsync(int residents, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        IModel model;
        await using (var probe = PermitDatabase.CreateContext(provider, connectionString, protector))
            model = probe.Model;
        await using var writer = await BulkWriter.OpenAsync(provider, connectionString, model);
        var serials = new int[200];
        var batches = Channel.CreateBounded<IReadOnlyList<TableRows>>(4);
        var next = -1;
        var builders = Enumerable.Range(0, Math.Max(2, Environment.ProcessorCount + 1)).Select(_ => Task.Run(async () =>
        {
            for (var batch = Interlocked.Increment(ref next); batch * Batch < residents; batch = Interlocked.Increment(ref next))
                await batches.Writer.WriteAsync(await BuildAsync(writer, model, batch, residents, today, now, serials, ct), ct);
        }, ct)).ToArray();
        var done = Task.WhenAll(builders).ContinueWith(t => batches.Writer.Complete(t.Exception), TaskScheduler.Default);

        var written = 0;
        await foreach (var batch in batches.Reader.ReadAllAsync(ct))
        {
            foreach (var table in batch)
                await writer.WriteAsync(table, ct);
            if (++written % 50 == 0)
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  seeded {Math.Min(residents, written * Batch):N0} residents ({writer.Rows:N0} rows)"));
        }

        await done;
        await writer.CompleteAsync();
        return writer.Rows;
    }

    private async Task<IReadOnlyList<TableRows>> BuildAsync(
        BulkWriter writer, IModel model, int batch, int residents, DateOnly today, DateTimeOffset now, int[] serials, CancellationToken ct)
    {
        var random = new Random(20261129 + batch);
        var covers = new List<(Guid Resident, DateOnly From, DateOnly? Until)>();
        await using var db = writer.Context(connectionString, protector);
        for (var n = batch * Batch; n < Math.Min(residents, (batch + 1) * Batch); n++)
            Add(db, n, random, today, serials, covers);
        await db.SaveChangesAsync(ct);
        return [.. writer.TakeRows(db), Covers(model, covers, now)];
    }

    private static void Add(PermitDbContext db, int n, Random random, DateOnly today, int[] serials, List<(Guid, DateOnly, DateOnly?)> covers)
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
        var permit = ResidencePermit.Issue(application, PermitNumber.Create(RegionCode.Zhenhai, issueDate.Year, Interlocked.Increment(ref serials[issueDate.Year - 1900])), "宁波市公安局镇海分局", issueDate);
        Span<byte> serial = stackalloc byte[8];
        random.NextBytes(serial);
        permit.ConfirmCardIssued(CardSerialNumber.FromBytes(serial), 1, issueDate.AddDays(2));
        if (stage < 90 && permit.ValidUntil < today)
            permit.Endorse(permit.ValidUntil.AddDays(-random.Next(0, 25)), holderStillQualifies: true);
        else if (stage >= 90)
            permit.SuspendForMissedEndorsement(today);
        // One holder in a hundred was found to have applied with forged documents.
        if (stage == 89)
        {
            var found = today.AddDays(-random.Next(1, 90));
            permit.RevokeForFraud("bench: forged labour contract", found > issueDate.AddDays(2) ? found : today);
        }
        db.Add(permit);
        if (random.Next(10) < 6)
        {
            // One cover in eight ended (the job was lost) a few months back; the rest are still paid.
            var from = registered.AddMonths(random.Next(0, 6));
            covers.Add((resident.Id, from, random.Next(8) == 0 ? today.AddMonths(-random.Next(1, 6)) : null));
        }
    }

    // Covers are recorded by officers through the points API (the type has no public constructor): written as rows.
    private static TableRows Covers(IModel model, List<(Guid Resident, DateOnly From, DateOnly? Until)> covers, DateTimeOffset now)
    {
        var type = model.FindEntityType(typeof(SocialInsuranceCover))!;
        var columns = BulkWriter.Columns(type).Select(p => p.Name).ToArray();
        return BulkWriter.Convert(type, covers.Select(c => columns.Select(name => name switch
        {
            nameof(SocialInsuranceCover.Id) => (object?)Guid.NewGuid(),
            nameof(SocialInsuranceCover.ResidentId) => c.Resident,
            nameof(SocialInsuranceCover.CoveredFrom) => c.From,
            nameof(SocialInsuranceCover.CoveredUntil) => c.Until,
            nameof(SocialInsuranceCover.EvidenceReference) => "bench/si",
            nameof(SocialInsuranceCover.RecordedBy) => "bench",
            nameof(SocialInsuranceCover.RecordedAt) => now,
            _ => throw new InvalidOperationException($"The bench does not know the cover column {name}."),
        }).ToArray()));
    }
}

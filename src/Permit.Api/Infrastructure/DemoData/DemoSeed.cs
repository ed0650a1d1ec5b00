using System.Globalization;
using Microsoft.Extensions.Options;
using Permit.Api.Features.Permits;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Permits;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Infrastructure.DemoData;

/// <summary>
/// Fills an empty development database with a few hundred made-up residents across Zhenhai's communities, at every
/// stage: registered only, applied, holding an active permit (some already endorsed), suspended for a missed
/// endorsement. Deterministic (fixed random seed) and idempotent: a database that has any resident is left alone.
/// </summary>
public static partial class DemoSeed
{
    public const int ResidentCount = 300;
    private const string Authority = "宁波市公安局镇海分局";
    private static readonly Official DemoSupervisor = new("demo-supervisor", OfficialRole.Supervisor);

    /// <summary>
    /// Seeds when <c>Seed:Demo</c> is true (appsettings.Development.json), in Development only: elsewhere the setting is
    /// ignored with a warning and no demo resident or demo account is made. Then the demo accounts (<see cref="DemoAccounts"/>).
    /// </summary>
    public static async Task SeedDemoDataAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue<bool>("Seed:Demo"))
            return;
        if (!app.Environment.IsDevelopment())
        {
            LogDemoRefused(app.Logger, app.Environment.EnvironmentName);
            return;
        }

        var stopping = app.Lifetime.ApplicationStopping;
        DateOnly today;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PermitDbContext>();
            today = ChinaDate.Today(scope.ServiceProvider.GetRequiredService<TimeProvider>());
            await DemoCommunities.SeedAsync(db, stopping).ConfigureAwait(false);
            var added = await SeedAsync(db, today, stopping).ConfigureAwait(false);
            if (added > 0)
                LogSeeded(app.Logger, added);
        }

        var demo = app.Services.GetRequiredService<IOptions<DemoOptions>>().Value;
        var directory = demo.FullDirectory(app.Environment.ContentRootPath);
        var block = app.Services.GetRequiredService<DemoStartBlock>();
        var file = Path.Combine(directory, DemoAccounts.FileName);
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        block.AccountsFile = relative.StartsWith("..", StringComparison.Ordinal) ? file : relative;
        block.Accounts = await DemoAccounts.EnsureAsync(app.Services, directory, today, stopping).ConfigureAwait(false);
        LogDemoAccounts(app.Logger, block.AccountsFile);
    }

    /// <summary>Returns the number of residents added (0 when the database already had residents).</summary>
    public static async Task<int> SeedAsync(PermitDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Residents.AnyAsync(cancellationToken).ConfigureAwait(false))
            return 0;

        var random = new Random(663);
        var people = new DemoPeople(random);
        var serials = new Dictionary<int, int>();
        for (var i = 0; i < ResidentCount; i++)
        {
            var resident = Resident.FromIdCard(people.NextPerson());
            db.Residents.Add(resident);
            var stage = (i % 10) switch
            {
                < 3 => DemoStage.Registered,
                < 5 => DemoStage.Applied,
                < 9 => DemoStage.PermitActive,
                _ => DemoStage.Suspended,
            };
            AddHistory(db, resident, stage, today, people, random, serials);
        }

        // Real issuance must continue after the demo permits' numbers, not collide with them.
        foreach (var (year, lastSerial) in serials)
            db.Add(PermitNumberCounter.ContinuingAfter(RegionCode.Zhenhai.Value, year, lastSerial));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ResidentCount;
    }

    private static void AddHistory(
        PermitDbContext db, Resident resident, DemoStage stage, DateOnly today, DemoPeople people, Random random, Dictionary<int, int> serials)
    {
        // Each stage starts from the day the permit (or application) happens and works back to the registration.
        var issueDate = stage switch
        {
            DemoStage.PermitActive when random.Next(3) == 0 => today.AddMonths(-12).AddDays(-random.Next(1, 300)),
            DemoStage.PermitActive => today.AddDays(-random.Next(10, 330)),
            DemoStage.Suspended => today.AddMonths(-13).AddDays(-random.Next(0, 200)),
            _ => today.AddDays(-random.Next(0, 20)),
        };
        var registrationDate = stage == DemoStage.Registered
            ? today.AddDays(-random.Next(1, 360))
            : issueDate.AddMonths(-7).AddDays(-random.Next(0, 90));
        var community = people.NextCommunity();
        var basis = (ResidenceBasis)random.Next(1, 4);
        var registration = ResidenceRegistration.Declare(
            resident.Id,
            people.NextLocalAddress(community),
            community,
            registrationDate.AddDays(-random.Next(0, 10)),
            registrationDate,
            basis,
            string.Create(CultureInfo.InvariantCulture, $"DEMO-{basis}-{random.Next(100000, 999999)}"),
            basis == ResidenceBasis.Study ? "宁波大学科学技术学院" : "宁波镇海某某制造有限公司");
        db.ResidenceRegistrations.Add(registration);
        if (stage == DemoStage.Registered)
            return;

        var applied = stage == DemoStage.Applied ? issueDate : issueDate.AddDays(-10);
        var application = PermitApplication.Submit(resident.Id, registration, DistrictExemption.None, applied);
        application.AddDocument(DocumentKind.IdCard, "demo/id-card", applied);
        application.AddDocument(DocumentKind.Photo, "demo/photo", applied);
        application.AddDocument(ProofFor(basis), "demo/proof", applied);
        db.PermitApplications.Add(application);
        if (stage == DemoStage.Applied)
        {
            if (random.Next(2) == 0)
                application.Accept(applied);
            return;
        }

        application.Accept(applied);
        application.Approve(DemoSupervisor, applied.AddDays(3));
        serials[issueDate.Year] = serials.GetValueOrDefault(issueDate.Year) + 1;
        var permit = ResidencePermit.Issue(application, PermitNumber.Create(RegionCode.Zhenhai, issueDate.Year, serials[issueDate.Year]), Authority, issueDate);
        permit.ConfirmCardIssued(DemoCardSerial(random), 1, issueDate.AddDays(2));
        if (stage == DemoStage.PermitActive && permit.ValidUntil < today)
            permit.Endorse(permit.ValidUntil.AddDays(-random.Next(0, 25)), holderStillQualifies: true);
        if (stage == DemoStage.Suspended)
            permit.SuspendForMissedEndorsement(today);
        db.ResidencePermits.Add(permit);
    }

    private static DocumentKind ProofFor(ResidenceBasis basis) => basis switch
    {
        ResidenceBasis.Employment => DocumentKind.LabourContract,
        ResidenceBasis.Residence => DocumentKind.TenancyRegistration,
        _ => DocumentKind.EnrolmentCertificate,
    };

    private static CardSerialNumber DemoCardSerial(Random random)
    {
        Span<byte> serial = stackalloc byte[8];
        random.NextBytes(serial);
        return CardSerialNumber.FromBytes(serial);
    }


    [LoggerMessage(Level = LogLevel.Warning, Message = "Seed:Demo is ignored in {Environment}: demo data and demo accounts are made in Development only")]
    private static partial void LogDemoRefused(ILogger logger, string environment);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo accounts of this database (Development only): passwords and keys in {File}")]
    private static partial void LogDemoAccounts(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} demo residents")]
    private static partial void LogSeeded(ILogger logger, int count);

    private enum DemoStage
    {
        Registered,
        Applied,
        PermitActive,
        Suspended,
    }
}

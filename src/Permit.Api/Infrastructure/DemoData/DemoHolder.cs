using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Permit.Api.Features.Permits;
using Permit.Api.Keys;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Identity;
using Permit.Domain.Permits;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Infrastructure.DemoData;

/// <summary>
/// The demo holder: a resident with an active permit and a written card. The card's files are made as the card handshake
/// makes them (<see cref="PermitCardDataSource"/>, <see cref="CardFileSet.Build"/> signed by the active issuer key, a
/// <see cref="CardPersonalization"/> confirmed), for a chip key generated here; the card itself is saved as a permit-sim card
/// file that the simulated agent taps at the counter, so a verifier checks it exactly as it checks a card the desk wrote.
/// </summary>
internal static class DemoHolder
{
    public const string Name = "林小雨";
    private const string Authority = "宁波市公安局镇海分局";
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Adds the holder and returns the permit number and the resident; <paramref name="cardFile"/> receives the written card.</summary>
    public static async Task<(string Number, Guid ResidentId)> AddAsync(
        PermitDbContext db, IssuerKeyRing issuerKeys, DateOnly today, DateTimeOffset now, string cardFile, CancellationToken cancellationToken)
    {
        // A home county and sequence no seeded resident has (the seed draws from its own list with sequences 001-999).
        var seventeen = string.Create(CultureInfo.InvariantCulture, $"350102{today.Year - 31}0615986");
        var id = CitizenIdNumber.Parse(seventeen + Mod11Check.Compute(seventeen));
        var resident = Resident.FromIdCard(new IdentityDetails(id, Name, id.Sex, EthnicGroup.Han, id.BirthDate, "福建省福州市鼓楼区三坊七巷12号"));
        db.Residents.Add(resident);
        var community = CommunityCode.Parse("330211003001");
        var arrived = today.AddMonths(-8);
        var registration = ResidenceRegistration.Declare(
            resident.Id, "宁波市镇海区骆驼街道中街18号502室", community, arrived, arrived.AddDays(3), ResidenceBasis.Employment,
            "DEMO-Employment-HOLDER", "宁波镇海某某制造有限公司");
        db.ResidenceRegistrations.Add(registration);
        var applied = today.AddDays(-20);
        var application = PermitApplication.Submit(resident.Id, registration, DistrictExemption.None, applied);
        application.AddDocument(DocumentKind.IdCard, "demo/id-card", applied);
        application.AddDocument(DocumentKind.Photo, "demo/photo", applied);
        application.AddDocument(DocumentKind.LabourContract, "demo/proof", applied);
        application.Accept(applied);
        application.Approve(new Official("demo-supervisor", OfficialRole.Supervisor), applied.AddDays(3));
        db.PermitApplications.Add(application);

        ResidencePermit permit;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            var number = await PermitNumberAllocator.NextAsync(db, RegionCode.Zhenhai, today.Year, cancellationToken).ConfigureAwait(false);
            permit = ResidencePermit.Issue(application, number, Authority, today.AddDays(-14));
            db.ResidencePermits.Add(permit);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        // The chip: its serial and its own key pair, as GENERATE KEY PAIR would make them.
        using var chipKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serialBytes = RandomNumberGenerator.GetBytes(8);
        var serial = CardSerialNumber.FromBytes(serialBytes);
        var data = await PermitCardDataSource.ForAsync(db, permit, permit.CurrentCard.Sequence, cancellationToken).ConfigureAwait(false);
        var files = CardFileSet.Build(data, [], ChipKeyFile.Encode(chipKey), issuerKeys.ActiveSigner);
        var personalization = new CardPersonalization(permit.Id, permit.CurrentCard.Sequence, attempt: 1, serial, files, now);
        db.Add(personalization);
        permit.ConfirmCardIssued(serial, permit.CurrentCard.Sequence, today.AddDays(-13));
        personalization.MarkConfirmed(now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        WriteCardFile(cardFile, serialBytes, files, chipKey.ExportPkcs8PrivateKey());
        return (permit.Number.Value, resident.Id);
    }

    /// <summary>
    /// permit-sim's card file (hardware-sim/README.md): the whole card as JSON, ACTIVE, with the chip's private key so the
    /// emulated chip answers active authentication. A simulated card's key, marked as such; 0600 all the same.
    /// </summary>
    private static void WriteCardFile(string path, byte[] serial, CardFileSet files, byte[] chipPrivateKey)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var card = new Dictionary<string, object>
        {
            ["note"] = "SIMULATED permit card of the demo holder (Development only). The chip private key is a demo key, not a secret.",
            ["serial"] = Convert.ToHexString(serial),
            ["transportCode"] = Convert.ToHexString("12345678"u8),
            ["transportTriesLeft"] = 3,
            ["lifeCycle"] = "ACTIVE",
            ["files"] = new Dictionary<string, string>
            {
                ["0101"] = Convert.ToBase64String(files.PermitFile),
                ["0102"] = Convert.ToBase64String(files.PhotoFile),
                ["0103"] = Convert.ToBase64String(files.ChipKeyFile),
                ["0104"] = Convert.ToBase64String(files.SignatureFile),
            },
            ["chipPrivateKeyPkcs8"] = Convert.ToBase64String(chipPrivateKey),
        };
        DemoFiles.WritePrivate(path, JsonSerializer.Serialize(card, Indented));
    }
}

using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Credentials;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Web.Tests.Support;

/// <summary>Data behind the pages' backs: approved applications in the database, permits issued and cards confirmed over HTTP.</summary>
public static class Arrange
{
    public static readonly DateOnly RegisteredOn = new(2025, 8, 1);
    public static readonly DateOnly ApprovedOn = new(2026, 3, 2);

    public static string IdNumber(int n)
    {
        var seventeen = string.Create(CultureInfo.InvariantCulture, $"11010119900101{(2 * n) + 1:000}");
        return seventeen + PermitFormats.Mod112CheckCharacter(seventeen);
    }

    /// <summary>A resident registered since 1 August 2025 whose application was approved on 2 March 2026.</summary>
    public static async Task<Guid> ApprovedApplicationAsync(PermitTestHost host, int n, string name)
    {
        await using var db = host.NewContext();
        var resident = Resident.FromIdCard(new IdentityDetails(
            CitizenIdNumber.Parse(IdNumber(n)), name, Sex.Male, EthnicGroup.Han, new DateOnly(1990, 1, 1), "北京市东城区东华门街道1号"));
        var registration = ResidenceRegistration.Declare(
            resident.Id, "浙江省宁波市镇海区骆驼街道中街1号", CommunityCode.Parse("330211003001"), RegisteredOn, RegisteredOn,
            ResidenceBasis.Employment, "劳动合同 LC-1", "宁波镇海某公司");
        var application = PermitApplication.Submit(resident.Id, registration, DistrictExemption.None, ApprovedOn.AddDays(-1));
        application.AddDocument(DocumentKind.IdCard, "ID", ApprovedOn.AddDays(-1));
        application.AddDocument(DocumentKind.Photo, "PHOTO", ApprovedOn.AddDays(-1));
        application.AddDocument(DocumentKind.LabourContract, "LC-1", ApprovedOn.AddDays(-1));
        application.Accept(ApprovedOn.AddDays(-1));
        application.Approve(new Official("supervisor-1", OfficialRole.Supervisor), ApprovedOn);
        db.AddRange(resident, registration, application);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return application.Id;
    }

    /// <summary>Issues the permit of an approved application; returns its number (the card is still to be written).</summary>
    public static async Task<string> IssueAsync(HttpClient officer, Guid applicationId)
    {
        using var issued = await officer.PostAsJsonAsync("/api/permits", new { applicationId }, TestContext.Current.CancellationToken);
        issued.EnsureSuccessStatusCode();
        return (await issued.Content.ReadFromJsonAsync<IssuedView>(TestContext.Current.CancellationToken))!.Permit.PermitNumber;
    }

    /// <summary>Issues the permit and confirms a card for it as the agent would; returns the number and the receipt code.</summary>
    public static async Task<(string Number, string ActivationCode)> ActivePermitAsync(HttpClient officer, Guid applicationId)
    {
        var ct = TestContext.Current.CancellationToken;
        using var issued = await officer.PostAsJsonAsync("/api/permits", new { applicationId }, ct);
        issued.EnsureSuccessStatusCode();
        var answer = (await issued.Content.ReadFromJsonAsync<IssuedView>(ct))!;
        var number = answer.Permit.PermitNumber;

        using var chipKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serial = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        using var prepared = await officer.PostAsJsonAsync($"/api/permits/{number}/cards/1/personalization",
            new { serial, chipKey = Convert.ToBase64String(Domain.Credentials.Card.ChipKeyFile.Encode(chipKey)) }, ct);
        prepared.EnsureSuccessStatusCode();
        var files = (await prepared.Content.ReadFromJsonAsync<FilesView>(ct))!;
        // The chip answers a challenge the API issued, as the agent's confirm step has it do.
        using var challenged = await officer.PostAsJsonAsync("/api/card-challenges", new { }, ct);
        challenged.EnsureSuccessStatusCode();
        var challenge = Convert.FromBase64String((await challenged.Content.ReadFromJsonAsync<ChallengeView>(ct))!.Challenge);
        using var confirmed = await officer.PostAsJsonAsync($"/api/permits/{number}/cards/1/confirmation", new
        {
            serial,
            permitFileSha256 = Hash(files.PermitFile),
            photoFileSha256 = Hash(files.PhotoFile),
            chipKeyFileSha256 = Hash(files.ChipKeyFile),
            signatureFileSha256 = Hash(files.SignatureFile),
            challenge = Convert.ToBase64String(challenge),
            response = Convert.ToBase64String(Domain.Credentials.Card.ActiveAuthentication.Sign(chipKey, challenge)),
        }, ct);
        confirmed.EnsureSuccessStatusCode();
        return (number, answer.ActivationCode!);
    }

    private static string Hash(string base64) => Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(base64)));

    private sealed record IssuedView(PermitView Permit, string? ActivationCode);

    private sealed record PermitView(string PermitNumber);

    private sealed record ChallengeView(string Challenge);

    private sealed record FilesView(string PermitFile, string PhotoFile, string ChipKeyFile, string SignatureFile);
}

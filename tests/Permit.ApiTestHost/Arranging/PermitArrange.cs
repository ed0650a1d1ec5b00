using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Credentials;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.ApiTestHost;

/// <summary>
/// Residents with an active registration and an approved application, arranged behind the API's back, and their permits
/// issued (and cards confirmed) over HTTP as the officer's page and the agent do. The one arrangement the API, page and
/// agent tests share.
/// </summary>
public static class PermitArrange
{
    public static readonly DateOnly RegisteredOn = new(2025, 8, 1);
    public static readonly DateOnly ApprovedOn = new(2026, 3, 2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A valid citizen ID number for the n-th test person (born 1990-01-01, male: odd sequence).</summary>
    public static string IdNumber(int n)
    {
        var seventeen = string.Create(CultureInfo.InvariantCulture, $"11010119900101{(2 * n) + 1:000}");
        return seventeen + PermitFormats.Mod112CheckCharacter(seventeen);
    }

    public sealed record Arranged(Guid ResidentId, Guid RegistrationId, Guid ApplicationId);

    /// <summary>What issuing answers: the permit's number and the receipt's one-time self-service activation code.</summary>
    public sealed record IssuedPermit(string Number, string ActivationCode);

    /// <summary>Residents first..first+count-1 named <paramref name="name"/>, each registered since 1 August 2025 and approved on 2 March 2026.</summary>
    public static async Task<IReadOnlyList<Arranged>> ApprovedApplicationsAsync(PermitTestHost host, int count, int first = 0, string name = "张伟")
    {
        await using var db = host.NewContext();
        var arranged = new List<Arranged>();
        for (var n = first; n < first + count; n++)
        {
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
            arranged.Add(new Arranged(resident.Id, registration.Id, application.Id));
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return arranged;
    }

    /// <summary>Resident <paramref name="n"/>, named <paramref name="name"/>, approved as above; returns the application's id.</summary>
    public static async Task<Guid> ApprovedApplicationAsync(PermitTestHost host, int n, string name = "张伟") =>
        (await ApprovedApplicationsAsync(host, 1, n, name))[0].ApplicationId;

    /// <summary>Issues the permit of one approved application through the API; returns its number (the card is still to be written).</summary>
    public static async Task<string> IssueAsync(HttpClient officer, Guid applicationId) =>
        (await IssuedAsync(officer, applicationId)).Number;

    /// <summary>Issues the permit of one approved application through the API; returns its number and the receipt's activation code.</summary>
    public static async Task<IssuedPermit> IssuedAsync(HttpClient officer, Guid applicationId)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await officer.PostAsJsonAsync("/api/permits", new { applicationId }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.IsSuccessStatusCode, body);
        var issued = JsonSerializer.Deserialize<IssueAnswer>(body, Json)!;
        return new IssuedPermit(issued.Permit.PermitNumber, issued.ActivationCode!);
    }

    /// <summary>
    /// Issues the permit and writes and confirms its first card as the agent would (a chip answering a server challenge):
    /// the permit is active. <paramref name="serial"/>: the chip's serial, a random one unless given.
    /// </summary>
    public static async Task<IssuedPermit> ActivePermitAsync(HttpClient officer, Guid applicationId, string? serial = null)
    {
        var issued = await IssuedAsync(officer, applicationId);
        using var chip = new CardHandshake(serial ?? Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
        var files = await chip.RequestFilesAsync(officer, issued.Number, 1);
        using var confirmed = await officer.PostAsJsonAsync(
            CardHandshake.Route(issued.Number, 1, "confirmation"), await chip.ConfirmationAsync(officer, files), TestContext.Current.CancellationToken);
        confirmed.EnsureSuccessStatusCode();
        return issued;
    }

    private sealed record IssueAnswer(IssuedPermitNumber Permit, string? ActivationCode);

    private sealed record IssuedPermitNumber(string PermitNumber);
}

using System.Globalization;
using System.Net.Http.Json;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Credentials;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Api.Tests.Features.Permits;

/// <summary>Builds residents with an active registration and an approved application, behind the API's back.</summary>
public static class PermitArrange
{
    public static readonly DateOnly RegisteredOn = new(2025, 8, 1);
    public static readonly DateOnly ApprovedOn = new(2026, 3, 2);

    /// <summary>A valid citizen ID number for the n-th test person (born 1990-01-01, male: odd sequence).</summary>
    public static string IdNumber(int n)
    {
        var seventeen = string.Create(CultureInfo.InvariantCulture, $"11010119900101{(2 * n) + 1:000}");
        return seventeen + PermitFormats.Mod112CheckCharacter(seventeen);
    }

    public sealed record Arranged(Guid ResidentId, Guid RegistrationId, Guid ApplicationId);

    /// <summary>Residents 0..count-1, each registered since 1 August 2025 and approved on 2 March 2026.</summary>
    public static async Task<IReadOnlyList<Arranged>> ApprovedApplicationsAsync(PermitTestHost host, int count, int first = 0)
    {
        await using var db = host.NewContext();
        var arranged = new List<Arranged>();
        for (var n = first; n < first + count; n++)
        {
            var resident = Resident.FromIdCard(new IdentityDetails(
                CitizenIdNumber.Parse(IdNumber(n)), "张伟", Sex.Male, EthnicGroup.Han, new DateOnly(1990, 1, 1), "北京市东城区东华门街道1号"));
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

    /// <summary>Issues the permit of one approved application through the API; returns its number.</summary>
    public static async Task<string> IssueAsync(HttpClient officer, Guid applicationId)
    {
        using var response = await officer.PostAsJsonAsync("/api/permits", new { applicationId }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var issued = await response.Content.ReadFromJsonAsync<IssuedView>(TestContext.Current.CancellationToken);
        return issued!.Permit.PermitNumber;
    }
}

/// <summary>The issuance answer: the permit and the receipt's one-time self-service activation code.</summary>
public sealed record IssuedView(PermitView Permit, string? ActivationCode);

/// <summary>The parts of the permit answer the tests look at.</summary>
public sealed record PermitView(
    string PermitNumber, Guid ResidentId, string Status, DateOnly IssueDate, DateOnly ValidUntil, WindowView EndorsementWindow,
    DateOnly ContinuousResidenceSince, int CurrentCardSequence, IReadOnlyList<CardView> Cards);

public sealed record WindowView(DateOnly Opens, DateOnly Closes);

public sealed record CardView(int Sequence, string Reason, string Status, DateOnly? IssuedOn, DateOnly? RevokedOn, string? RevocationReason);

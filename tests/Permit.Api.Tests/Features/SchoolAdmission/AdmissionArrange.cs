using System.Globalization;
using System.Reflection;
using Permit.Api.Features.SchoolAdmission;
using Permit.Domain.Common;
using Permit.Api.Features.Points;
using static Permit.Api.Tests.Features.Entitlements.EntitlementArrange;
using static Permit.Api.Tests.Features.Settlement.SettlementArrange;

namespace Permit.Api.Tests.Features.SchoolAdmission;

/// <summary>
/// Small builders for 积分入学 tests: a round in 蛟川学区 for 2026 (age 6, 12 months of residence and insurance), and a
/// family as the register knows it — the parent's registration and insurance cover going back so many months, and the
/// child registered by the parent as guardian.
/// </summary>
internal static class AdmissionArrange
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<RoundView> OpenRoundAsync(HttpClient supervisor, int places, int permitMonths = 0, string zone = "蛟川学区")
    {
        using var response = await supervisor.PostAsJsonAsync("/api/school-admission/rounds", new
        {
            zone, schoolYear = 2026, places, residenceMonths = 12, insuranceMonths = 12, minimumAge = 6, maximumAge = 6, permitMonths,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RoundView>(Ct))!;
    }

    /// <summary>
    /// Puts the parent's registration back <paramref name="residenceMonths"/> months and records an open insurance cover
    /// of <paramref name="insuranceMonths"/> months, then registers the child <paramref name="n"/> with the parent as
    /// guardian; returns the child's resident id.
    /// </summary>
    public static async Task<Guid> ChildOfAsync(
        PermitTestHost host, HttpClient registrar, Holder parent, string child, int n, int residenceMonths = 24, int insuranceMonths = 24,
        string born = "2020-03-01")
    {
        await RegisterMonthsAsync(host, parent.ResidentId, residenceMonths, insuranceMonths);
        var idNumber = ChildIdNumber(DateOnly.Parse(born, CultureInfo.InvariantCulture).ToString("yyyyMMdd", CultureInfo.InvariantCulture), n);
        using var response = await RegisterChildAsync(registrar, parent.ResidentId, idNumber, name: child);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Permit.Api.Features.Families.FamilyMemberResponse>(Ct))!.MemberId;
    }

    public static async Task RegisterMonthsAsync(PermitTestHost host, Guid resident, int residenceMonths, int insuranceMonths)
    {
        var today = ChinaDate.Today(host.Time);
        await using var db = host.NewContext();
        await db.ResidenceRegistrations.Where(r => r.ResidentId == resident)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RegistrationDate, today.AddMonths(-residenceMonths)), Ct);
        if (insuranceMonths == 0)
            return;
        var constructor = typeof(SocialInsuranceCover).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single(c => c.GetParameters().Length == 6);
        db.Add(constructor.Invoke([resident, today.AddMonths(-insuranceMonths), null, "社保对账单", "test", host.Time.GetUtcNow()]));
        await db.SaveChangesAsync(Ct);
    }

    public static async Task<HttpResponseMessage> EnterAsync(HttpClient registrar, Guid round, Guid child, string parentPermit) =>
        await registrar.PostAsJsonAsync($"/api/school-admission/rounds/{round}/applicants", new
        {
            childResidentId = child, parentPermitNumber = parentPermit,
        }, Ct);

    public static async Task<ApplicantView> EnteredAsync(HttpClient registrar, Guid round, Guid child, string parentPermit)
    {
        using var response = await EnterAsync(registrar, round, child, parentPermit);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ApplicantView>(Ct))!;
    }

    public static async Task<RunView> RunAsync(HttpClient supervisor, Guid round)
    {
        using var response = await supervisor.PostAsync(new Uri($"/api/school-admission/rounds/{round}/runs", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RunView>(Ct))!;
    }
}

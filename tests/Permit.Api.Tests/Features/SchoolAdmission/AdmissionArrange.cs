using System.Net;
using System.Net.Http.Json;
using Permit.Api.Features.SchoolAdmission;

namespace Permit.Api.Tests.Features.SchoolAdmission;

/// <summary>Small builders for 积分入学 tests: a round in 蛟川学区 for 2026 (age 6, 12 months of residence and insurance).</summary>
internal static class AdmissionArrange
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<RoundView> OpenRoundAsync(HttpClient supervisor, int places)
    {
        using var response = await supervisor.PostAsJsonAsync("/api/school-admission/rounds", new
        {
            zone = "蛟川学区", schoolYear = 2026, places, residenceMonths = 12, insuranceMonths = 12, minimumAge = 6, maximumAge = 6,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<RoundView>(Ct))!;
    }

    public static async Task<HttpResponseMessage> EnterAsync(HttpClient registrar, Guid round, string child, string parentPermit, int residenceMonths = 24, string born = "2020-03-01") =>
        await registrar.PostAsJsonAsync($"/api/school-admission/rounds/{round}/applicants", new
        {
            childName = child, childBirthDate = born, parentPermitNumber = parentPermit, residenceMonths, insuranceMonths = 24,
        }, Ct);

    public static async Task<ApplicantView> EnteredAsync(HttpClient registrar, Guid round, string child, string parentPermit)
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

using Permit.Api.Features.Points;
using Permit.Api.Features.SchoolAdmission;
using static Permit.Api.Tests.Features.Entitlements.EntitlementArrange;
using static Permit.Api.Tests.Features.SchoolAdmission.AdmissionArrange;

namespace Permit.Api.Tests.Features.SchoolAdmission;

/// <summary>积分入学 over HTTP: a supervisor opens and runs a round, registrars enter applicants and read the explained result.</summary>
public sealed class SchoolAdmissionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Places_go_by_the_parents_points_ties_are_broken_as_documented_and_the_run_is_reproducible_and_explained(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var parents = new List<Holder>();
        for (var n = 0; n < 5; n++)
            parents.Add(await ActiveHolderAsync(host, registrar, n));
        await PointsAsync(host, parents[0].ResidentId, 95.5m);
        await PointsAsync(host, parents[1].ResidentId, 80m);
        await PointsAsync(host, parents[2].ResidentId, 80m);
        await PointsAsync(host, parents[3].ResidentId, 120m, frozen: true);
        await PointsAsync(host, parents[4].ResidentId, 70m);
        // The register gives 小红's parent 20 months of residence and 小刚's 30; the others 24.
        var children = new[]
        {
            await ChildOfAsync(host, registrar, parents[0], "小明", 0),
            await ChildOfAsync(host, registrar, parents[1], "小红", 1, residenceMonths: 20),
            await ChildOfAsync(host, registrar, parents[2], "小刚", 2, residenceMonths: 30),
            await ChildOfAsync(host, registrar, parents[3], "小丽", 3),
            await ChildOfAsync(host, registrar, parents[4], "小强", 4, born: "2021-01-01"),
        };
        var round = await OpenRoundAsync(supervisor, places: 2);
        for (var n = 0; n < children.Length; n++)
            _ = await EnteredAsync(registrar, round.Id, children[n], parents[n].Number);

        using var ran = await supervisor.PostAsync(new Uri($"/api/school-admission/rounds/{round.Id}/runs", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Created, ran.StatusCode);
        var run = (await ran.Content.ReadFromJsonAsync<RunView>(Ct))!;

        Assert.True(run.Reproducible);
        Assert.Equal(2, run.Admitted);
        // Ranked first, in rank order; then the ineligible (in a fixed order of their own).
        Assert.Equal(["小明", "小刚", "小红"], run.Lines.Take(3).Select(l => l.ChildName));
        var byChild = run.Lines.ToDictionary(l => l.ChildName, l => (l.Rank, l.Outcome, l.Reason, l.TieBreak));
        Assert.Equal((1, "admitted", "within-places", null), byChild["小明"]);
        Assert.Equal((2, "admitted", "within-places", "residence-months"), byChild["小刚"]);
        Assert.Equal((3, "not-admitted", "places-filled", "residence-months"), byChild["小红"]);
        Assert.Equal((null, "ineligible", "points-frozen", null), byChild["小丽"]);
        Assert.Equal((null, "ineligible", "age-outside-window", null), byChild["小强"]);
        Assert.Equal(95.5m, run.Lines[0].Points);
        Assert.Equal("ningbo-zhenhai@1", run.Lines[0].RuleSetVersion);
        Assert.Contains("longer residence", run.Lines[1].Explanation, StringComparison.Ordinal);
        Assert.StartsWith("Not admitted: rank 3 with 80 points", run.Lines[2].Explanation, StringComparison.Ordinal);

        // Points change after the run: the stored run still shows the snapshot it was decided on, and recomputes equal.
        await using (var db = host.NewContext())
            await db.PointsBalances.Where(b => b.ResidentId == parents[4].ResidentId).ExecuteDeleteAsync(Ct);
        var read = await registrar.GetFromJsonAsync<RunView>($"/api/school-admission/rounds/{round.Id}/runs/{run.Id}", Ct);
        Assert.Equal(run with { Lines = [] }, read! with { Lines = [] });
        Assert.Equal(run.Lines, read.Lines);

        await using var check = host.NewContext();
        Assert.Equal(5, await check.Set<AuditEntry>().CountAsync(e => e.Action == "school-admission.allocate", Ct));
        Assert.Equal(5, await check.Set<AuditEntry>().CountAsync(e => e.Action == "school-admission.result.read", Ct));
    }

    [Fact]
    public async Task An_allocated_round_takes_no_more_applicants_and_a_zone_opens_once_a_year()
    {
        await using var host = new PermitTestHost();
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var parent = await ActiveHolderAsync(host, registrar, 0);
        var child = await ChildOfAsync(host, registrar, parent, "小明", 0);
        var round = await OpenRoundAsync(supervisor, places: 1);
        (await supervisor.PostAsync(new Uri($"/api/school-admission/rounds/{round.Id}/runs", UriKind.Relative), null, Ct)).Dispose();

        using var late = await EnterAsync(registrar, round.Id, child, parent.Number);
        using var again = await supervisor.PostAsJsonAsync("/api/school-admission/rounds", new { zone = "蛟川学区", schoolYear = 2026, places = 3 }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.EndsWith("/admission-round-allocated", await PermitIssuanceTests.ProblemTypeAsync(late));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.EndsWith("/admission-round-exists", await PermitIssuanceTests.ProblemTypeAsync(again));
    }

    [Fact]
    public async Task Bad_applicant_data_is_refused_field_by_field_and_nothing_is_stored()
    {
        await using var host = new PermitTestHost();
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var round = await OpenRoundAsync(supervisor, places: 1);

        using var bad = await registrar.PostAsJsonAsync($"/api/school-admission/rounds/{round.Id}/applicants", new
        {
            childName = "", childBirthDate = "2030-01-01", parentPermitNumber = "123", residenceMonths = -1, insuranceMonths = 9999,
        }, Ct);
        using var unknownParent = await EnterAsync(registrar, round.Id, Guid.CreateVersion7(), Domain.Permits.PermitNumber.Create(Domain.Regions.RegionCode.Parse("330211"), 2026, 9_999_999).Value);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync(Ct);
        foreach (var field in new[] { "childName", "childBirthDate", "parentPermitNumber", "residenceMonths", "insuranceMonths" })
            Assert.Contains(field, body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownParent.StatusCode);
        await using var db = host.NewContext();
        Assert.False(await db.Set<AdmissionApplicant>().AnyAsync(Ct));
    }
}

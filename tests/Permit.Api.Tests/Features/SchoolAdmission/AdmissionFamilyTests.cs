using Permit.Api.Features.SchoolAdmission;
using Permit.Domain.Common;
using static Permit.Api.Tests.Features.Entitlements.EntitlementArrange;
using static Permit.Api.Tests.Features.SchoolAdmission.AdmissionArrange;
using static Permit.Api.Tests.Features.Settlement.SettlementArrange;

namespace Permit.Api.Tests.Features.SchoolAdmission;

/// <summary>
/// 积分入学 on the family model: the child is a resident linked to the parent, one application per child per round, the
/// parent's permit held unbroken for the round's months, and the months of residence and insurance read from the register.
/// </summary>
public sealed class AdmissionFamilyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_resident_who_is_not_recorded_as_the_parents_child_is_refused_and_nothing_is_stored(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var parent = await ActiveHolderAsync(host, registrar, 0);
        var neighbour = await ActiveHolderAsync(host, registrar, 1);
        await RegisterMonthsAsync(host, parent.ResidentId, 24, 24);
        var round = await OpenRoundAsync(supervisor, places: 1);

        using var notAChild = await EnterAsync(registrar, round.Id, neighbour.ResidentId, parent.Number);
        using var noOne = await EnterAsync(registrar, round.Id, Guid.CreateVersion7(), parent.Number);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, notAChild.StatusCode);
        Assert.EndsWith("/admission-child-not-linked", await PermitIssuanceTests.ProblemTypeAsync(notAChild));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noOne.StatusCode);
        Assert.EndsWith("/admission-child-not-linked", await PermitIssuanceTests.ProblemTypeAsync(noOne));
        await using var db = host.NewContext();
        Assert.False(await db.Set<AdmissionApplicant>().AnyAsync(Ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_second_application_for_the_same_child_in_a_round_answers_409_even_from_the_other_parent_while_another_round_takes_the_child(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var mother = await ActiveHolderAsync(host, registrar, 0);
        var father = await ActiveHolderAsync(host, registrar, 1);
        var child = await ChildOfAsync(host, registrar, mother, "小明", 0);
        await RegisterMonthsAsync(host, father.ResidentId, 24, 24);
        // The father registers the same child as guardian too: the register then has the child linked to both parents.
        using (var alsoFather = await RegisterChildAsync(registrar, father.ResidentId, ChildIdNumber("20200301", 0), name: "小明"))
            Assert.Equal(HttpStatusCode.Created, alsoFather.StatusCode);
        var round = await OpenRoundAsync(supervisor, places: 1);
        var other = await OpenRoundAsync(supervisor, places: 1, zone: "骆驼学区");

        var first = await EnteredAsync(registrar, round.Id, child, mother.Number);
        using var again = await EnterAsync(registrar, round.Id, child, mother.Number);
        using var byFather = await EnterAsync(registrar, round.Id, child, father.Number);
        using var elsewhere = await EnterAsync(registrar, other.Id, child, father.Number);

        Assert.Equal(child, first.ChildResidentId);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.EndsWith("/admission-child-already-applied", await PermitIssuanceTests.ProblemTypeAsync(again));
        Assert.Equal(HttpStatusCode.Conflict, byFather.StatusCode);
        Assert.EndsWith("/admission-child-already-applied", await PermitIssuanceTests.ProblemTypeAsync(byFather));
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);
        await using var db = host.NewContext();
        Assert.Equal(1, await db.Set<AdmissionApplicant>().CountAsync(a => a.RoundId == round.Id, Ct));
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_parent_whose_permit_was_held_for_less_than_the_rounds_months_is_refused_with_the_shortfall_and_accepted_once_it_was(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var parent = await ActiveHolderAsync(host, registrar, 0);
        var child = await ChildOfAsync(host, registrar, parent, "小明", 0);
        var round = await OpenRoundAsync(supervisor, places: 1, permitMonths: 12);
        var today = ChinaDate.Today(host.Time);
        await using (var db = host.NewContext())
            await db.ResidencePermits.Where(p => p.ResidentId == parent.ResidentId).ExecuteUpdateAsync(s => s.SetProperty(p => p.IssueDate, today.AddMonths(-5)), Ct);

        using var refused = await EnterAsync(registrar, round.Id, child, parent.Number);

        Assert.Equal(12, round.PermitMonths);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.EndsWith("/admission-permit-too-short", problem.GetProperty("type").GetString());
        Assert.Equal(("5", "12", "7"), (problem.GetProperty("heldMonths").GetString(), problem.GetProperty("requiredMonths").GetString(),
            problem.GetProperty("shortMonths").GetString()));
        Assert.Contains("7 months short", problem.GetProperty("title").GetString(), StringComparison.Ordinal);

        await using (var db = host.NewContext())
            await db.ResidencePermits.Where(p => p.ResidentId == parent.ResidentId).ExecuteUpdateAsync(s => s.SetProperty(p => p.IssueDate, today.AddMonths(-12)), Ct);
        var accepted = await EnteredAsync(registrar, round.Id, child, parent.Number);
        Assert.Equal(12, accepted.PermitMonths);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task Months_of_residence_and_insurance_come_from_the_register_typed_months_are_refused_and_the_explanation_names_the_register(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var settled = await ActiveHolderAsync(host, registrar, 0);
        var newcomer = await ActiveHolderAsync(host, registrar, 1);
        await PointsAsync(host, settled.ResidentId, 80m);
        await PointsAsync(host, newcomer.ResidentId, 90m);
        var settledChild = await ChildOfAsync(host, registrar, settled, "小明", 0, residenceMonths: 30, insuranceMonths: 18);
        var newcomerChild = await ChildOfAsync(host, registrar, newcomer, "小红", 1, residenceMonths: 6, insuranceMonths: 6);
        var round = await OpenRoundAsync(supervisor, places: 2);

        using var typed = await registrar.PostAsJsonAsync($"/api/school-admission/rounds/{round.Id}/applicants", new
        {
            childResidentId = newcomerChild, parentPermitNumber = newcomer.Number, residenceMonths = 36, insuranceMonths = 36,
        }, Ct);
        var entered = await EnteredAsync(registrar, round.Id, settledChild, settled.Number);
        _ = await EnteredAsync(registrar, round.Id, newcomerChild, newcomer.Number);
        var run = await RunAsync(supervisor, round.Id);

        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        var body = await typed.Content.ReadAsStringAsync(Ct);
        Assert.Contains("residenceMonths", body, StringComparison.Ordinal);
        Assert.Contains("insuranceMonths", body, StringComparison.Ordinal);
        Assert.Equal(("小明", 30, 18), (entered.ChildName, entered.ResidenceMonths, entered.InsuranceMonths));
        var byChild = run.Lines.ToDictionary(l => l.ChildName);
        Assert.Equal(("admitted", 30, 18), (byChild["小明"].Outcome, byChild["小明"].ResidenceMonths, byChild["小明"].InsuranceMonths));
        Assert.EndsWith("From the register at entry: 30 months of residence, 18 months of social insurance.", byChild["小明"].Explanation, StringComparison.Ordinal);
        Assert.Equal(("ineligible", "residence-too-short"), (byChild["小红"].Outcome, byChild["小红"].Reason));
        Assert.Equal(
            "Ineligible: 6 months of residence in the district, 12 needed. From the register at entry: 6 months of residence, 6 months of social insurance.",
            byChild["小红"].Explanation);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_parent_cannot_apply_for_someone_elses_child_and_the_answer_tells_nothing_about_that_child(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var attacker = await ActiveHolderAsync(host, registrar, 0);
        var family = await ActiveHolderAsync(host, registrar, 1);
        await RegisterMonthsAsync(host, attacker.ResidentId, 60, 60);
        var theirChild = await ChildOfAsync(host, registrar, family, "王小宝", 1);
        var round = await OpenRoundAsync(supervisor, places: 1);

        using var taken = await EnterAsync(registrar, round.Id, theirChild, attacker.Number);
        using var unknown = await EnterAsync(registrar, round.Id, Guid.CreateVersion7(), attacker.Number);
        var own = await EnteredAsync(registrar, round.Id, theirChild, family.Number);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, taken.StatusCode);
        var answer = await taken.Content.ReadAsStringAsync(Ct);
        // The same answer as for an id that names no one: trying ids tells the desk nothing about other families.
        Assert.Equal(await SummaryAsync(unknown), await SummaryAsync(taken));
        Assert.EndsWith("/admission-child-not-linked", await PermitIssuanceTests.ProblemTypeAsync(taken));
        Assert.DoesNotContain("王小宝", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(theirChild.ToString(), answer, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(family.ResidentId, (await LoadAsync(host, own.Id)).ParentResidentId);
        await using var db = host.NewContext();
        Assert.Equal(1, await db.Set<AdmissionApplicant>().CountAsync(Ct));
        Assert.False(await db.Set<AuditEntry>().AnyAsync(e => e.Action == "school-admission.applicant.enter" && e.ResidentId == attacker.ResidentId, Ct));
    }

    private static async Task<(int Status, string? Type, string? Title)> SummaryAsync(HttpResponseMessage response)
    {
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return ((int)response.StatusCode, problem.GetProperty("type").GetString(), problem.GetProperty("title").GetString());
    }

    private static async Task<AdmissionApplicant> LoadAsync(PermitTestHost host, Guid id)
    {
        await using var db = host.NewContext();
        return await db.Set<AdmissionApplicant>().SingleAsync(a => a.Id == id, Ct);
    }
}

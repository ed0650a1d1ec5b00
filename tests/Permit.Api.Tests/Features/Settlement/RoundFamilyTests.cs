using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Permit.Api.Features.Points;
using Permit.Api.Features.Settlement;
using Permit.Api.Features.Settlement.Rounds;
using Permit.Domain.Applications;
using Permit.Domain.Common;
using Permit.Domain.Entitlements;
using Permit.Domain.Identity;
using Permit.Domain.Permits;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;
using static Permit.Api.Tests.Features.Entitlements.EntitlementArrange;
using static Permit.Api.Tests.Features.Settlement.SettlementArrange;

namespace Permit.Api.Tests.Features.Settlement;

/// <summary>
/// 积分落户 with the family: a round applicant names the spouse, minor children and parents living with them, checked as
/// a category application checks them; when the applicant settles their permits end too, and not otherwise.
/// </summary>
public sealed partial class RoundFamilyTests
{
    private const string Home = "浙江省宁波市镇海区骆驼街道中街1号";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_settled_applicants_spouse_and_minor_child_lose_their_permits_and_cards_while_a_not_settled_applicants_spouse_keeps_hers(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var settles = await ActiveHolderAsync(host, registrar, 0);
        var staysOut = await ActiveHolderAsync(host, registrar, 1);
        var spouse = await ActiveHolderAsync(host, registrar, 2);
        var otherSpouse = await ActiveHolderAsync(host, registrar, 3);
        var (child, childApplication) = await ResidentAsync(host, ChildIdNumber("20090601", 4), "王小宇", new DateOnly(2009, 6, 1), Home);
        var childPermit = await PermitArrange.IssueAsync(registrar, childApplication);
        await LinkAsync(registrar, settles.ResidentId, spouse.ResidentId, "spouse", "marriage-certificate");
        await LinkAsync(registrar, settles.ResidentId, child, "child", "birth-certificate");
        await LinkAsync(registrar, staysOut.ResidentId, otherSpouse.ResidentId, "spouse", "marriage-certificate");
        await CoversAsync(host, settles.ResidentId, years: 5);

        var round = await OpenAsync(supervisor, quota: 1);
        using var entered = await EnterAsync(registrar, round, settles.ResidentId, spouse.ResidentId, child);
        Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        var applicant = (await entered.Content.ReadFromJsonAsync<RoundApplicantResponse>(Ct))!;
        Assert.Equal([("spouse", 36), ("child", 16)], applicant.Members.Select(m => (m.Relationship, m.Age)).OrderByDescending(m => m.Item2));
        using (var other = await EnterAsync(registrar, round, staysOut.ResidentId, otherSpouse.ResidentId))
            Assert.Equal(HttpStatusCode.Created, other.StatusCode);

        host.Time.Advance(TimeSpan.FromDays(22)); // 1 April: the window has closed
        using var supervisor2 = host.Officer(OfficerRole.Supervisor);
        using (var published = await supervisor2.PostAsync(new Uri($"/api/settlement/rounds/{round}/publication", UriKind.Relative), null, Ct))
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        host.Time.Advance(TimeSpan.FromDays(7)); // 8 April: publicity is over
        using var registrar3 = host.Officer();
        using var supervisor3 = host.Officer(OfficerRole.Supervisor);
        using var finalized = await supervisor3.PostAsync(new Uri($"/api/settlement/rounds/{round}/final", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.OK, finalized.StatusCode);
        var final = (await finalized.Content.ReadFromJsonAsync<FinalListResponse>(Ct))!;

        // The final list names who settles with the applicant; the permits of all three ended.
        var line = final.Round.Lines.Single(l => l.ResidentId == settles.ResidentId);
        Assert.Equal("settled", line.Outcome);
        Assert.Equal([spouse.ResidentId, child], line.Members.Select(m => m.MemberId).Order());
        Assert.All(line.Members, m => Assert.Equal("Terminated", m.PermitStatus));
        Assert.Equal(new[] { settles.Number, spouse.Number, childPermit }.Order(StringComparer.Ordinal), final.PermitsEnded);
        var notSettled = final.Round.Lines.Single(l => l.ResidentId == staysOut.ResidentId);
        Assert.Equal(("not-settled", "Active"), (notSettled.Outcome, Assert.Single(notSettled.Members).PermitStatus));

        await using (var db = host.NewContext())
        {
            var permits = await db.ResidencePermits.AsNoTracking()
                .Where(p => new[] { spouse.ResidentId, child, otherSpouse.ResidentId, staysOut.ResidentId }.Contains(p.ResidentId))
                .ToDictionaryAsync(p => p.ResidentId, p => (p.Status, p.EndReason), Ct);
            Assert.Equal((PermitStatus.Terminated, (PermitEndReason?)PermitEndReason.LocalHukou), permits[spouse.ResidentId]);
            Assert.Equal((PermitStatus.Terminated, (PermitEndReason?)PermitEndReason.LocalHukou), permits[child]);
            Assert.Equal(PermitStatus.Active, permits[otherSpouse.ResidentId].Status);
            Assert.Equal(PermitStatus.Active, permits[staysOut.ResidentId].Status);
            var named = await db.Set<AuditEntry>().Where(e => e.Action == "settlement.member").Select(e => e.ResidentId).ToListAsync(Ct);
            Assert.Equal(new Guid?[] { spouse.ResidentId, child, otherSpouse.ResidentId }.Order(), named.Order());
        }

        // The spouse's card is refused at the counter; the not-settled applicant's spouse's card still works.
        using var school = await TerminalAsync(host, "镇海实验小学", ServiceCategory.Education);
        var refused = await CardAtCounterAsync(school, spouse);
        Assert.Equal((false, "Terminated"), (refused!.Eligible, refused.Permit?.Status));
        Assert.True(refused.ReasonCode is EntitlementReasons.PermitTerminated or Api.Features.Entitlements.LookupReasons.CredentialRefused, refused.ReasonCode);
        var kept = await CardAtCounterAsync(school, otherSpouse);
        Assert.Equal((true, null, "Active"), (kept!.Credential.Genuine, kept.Credential.RefusalReason, kept.Permit?.Status));

        // The export names the household: the applicant and the two members, under the round-applicant's id.
        var csv = await supervisor3.GetStringAsync(new Uri("/api/settlement/export?format=csv", UriKind.Relative), Ct);
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal("applicant", rows[0][3]);
        Assert.All(rows, r => Assert.Equal((applicant.Id.ToString(), "points", "2026"), (r[0], r[1], r[2])));
        Assert.Equal([("applicant", settles.Number), ("child", childPermit), ("spouse", spouse.Number)], rows.Select(r => (r[3], r[10])).Order());
        var json = await supervisor3.GetStringAsync(new Uri("/api/settlement/export?format=json", UriKind.Relative), Ct);
        Assert.Contains("\"role\": \"child\"", json, StringComparison.Ordinal);

        using var notice = await registrar3.GetAsync(new Uri($"/api/settlement/rounds/{round}/applicants/{applicant.Id}/notice", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        Assert.Equal("application/pdf", notice.Content.Headers.ContentType?.MediaType);

        // The supervisor's round page shows who settles with each line.
        var page = WebUtility.HtmlDecode(await supervisor3.GetStringAsync(new Uri($"/admin/settlement/{round}", UriKind.Relative), Ct));
        Assert.Matches($"data-applicant=\"{applicant.Id}\"[^>]*data-members=\"2\"", page);
        Assert.Contains("王小宇", page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_too_old_child_a_parent_living_elsewhere_a_stranger_and_a_person_named_twice_are_refused_and_nothing_is_recorded(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var applicant = (await PermitArrange.ApprovedApplicationsAsync(host, 1, first: 0))[0].ResidentId;
        var sibling = (await PermitArrange.ApprovedApplicationsAsync(host, 1, first: 1))[0].ResidentId;
        var stranger = (await PermitArrange.ApprovedApplicationsAsync(host, 1, first: 2))[0].ResidentId;
        var (grownChild, _) = await ResidentAsync(host, ChildIdNumber("20000505", 5), "王大", new DateOnly(2000, 5, 5), Home);
        var (parentElsewhere, _) = await ResidentAsync(host, ParentIdNumber(6), "王父", new DateOnly(1960, 1, 1), "浙江省宁波市镇海区招宝山街道1号");
        var (parent, _) = await ResidentAsync(host, ParentIdNumber(7), "王母", new DateOnly(1960, 1, 1), Home);
        await LinkAsync(registrar, applicant, grownChild, "child", "birth-certificate");
        await LinkAsync(registrar, applicant, parentElsewhere, "parent", "hukou-booklet");
        await LinkAsync(registrar, applicant, parent, "parent", "hukou-booklet");
        await LinkAsync(registrar, sibling, parent, "parent", "hukou-booklet");
        await LinkAsync(registrar, sibling, applicant, "spouse", "marriage-certificate");
        // A resident recorded at the Yinzhou desk, linked as the applicant's spouse by a city-wide officer.
        await host.AddOfficerAsync("chen.yinzhou", OfficerRole.Registrar, jurisdiction: "330212");
        await host.AddOfficerAsync("li.zhenhai", OfficerRole.Registrar, jurisdiction: "330211");
        using var yinzhou = await host.BearerClientAsync("chen.yinzhou");
        using var zhenhai = await host.BearerClientAsync("li.zhenhai");
        using var recorded = await yinzhou.PostAsJsonAsync("/api/residents", new
        {
            idNumber = PermitArrange.IdNumber(8), name = "陈静", ethnicGroup = "01", hukouAddress = "河南省郑州市金水区1号",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, recorded.StatusCode);
        var elsewhere = (await recorded.Content.ReadFromJsonAsync<Api.Features.Residents.ResidentResponse>(Ct))!.Id;
        await LinkAsync(registrar, applicant, elsewhere, "spouse", "marriage-certificate");
        var round = await OpenAsync(supervisor, quota: 5);

        using (var tooOld = await EnterAsync(registrar, round, applicant, grownChild))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, tooOld.StatusCode);
            Assert.EndsWith("/settlement-member-not-eligible", await PermitIssuanceTests.ProblemTypeAsync(tooOld));
            Assert.Contains("member-child-too-old", await tooOld.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
        using (var notTogether = await EnterAsync(registrar, round, applicant, parentElsewhere))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, notTogether.StatusCode);
            Assert.Contains("member-parent-not-living-together", await notTogether.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // A stranger, another district's resident and an id that names no one get one and the same answer.
        using var unknown = await EnterAsync(zhenhai, round, applicant, Guid.CreateVersion7());
        using var notFamily = await EnterAsync(zhenhai, round, applicant, stranger);
        using var otherDistrict = await EnterAsync(zhenhai, round, applicant, elsewhere);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.EndsWith("/settlement-member-not-family", await PermitIssuanceTests.ProblemTypeAsync(unknown));
        Assert.Equal(WithoutTrace(await unknown.Content.ReadAsStringAsync(Ct)), WithoutTrace(await notFamily.Content.ReadAsStringAsync(Ct)));
        Assert.Equal(WithoutTrace(await unknown.Content.ReadAsStringAsync(Ct)), WithoutTrace(await otherDistrict.Content.ReadAsStringAsync(Ct)));

        using (var twice = await EnterAsync(registrar, round, applicant, parent, parent))
            Assert.EndsWith("/settlement-member-repeated", await PermitIssuanceTests.ProblemTypeAsync(twice));
        using (var self = await EnterAsync(registrar, round, applicant, applicant))
            Assert.EndsWith("/settlement-member-repeated", await PermitIssuanceTests.ProblemTypeAsync(self));

        await using (var db = host.NewContext())
        {
            Assert.False(await db.Set<RoundApplicant>().AnyAsync(Ct));
            Assert.False(await db.Set<AuditEntry>().AnyAsync(e => e.Action == "settlement.member" || e.Action == "settlement.round.apply", Ct));
        }

        // The applicant enters with the parent they live with; the sibling cannot name the same parent, nor the applicant,
        // and the parent cannot enter as an applicant of the same round.
        using (var entered = await EnterAsync(registrar, round, applicant, parent))
            Assert.Equal(HttpStatusCode.Created, entered.StatusCode);
        using (var sameParent = await EnterAsync(registrar, round, sibling, parent))
        {
            Assert.Equal(HttpStatusCode.Conflict, sameParent.StatusCode);
            Assert.EndsWith("/settlement-round-member-named-twice", await PermitIssuanceTests.ProblemTypeAsync(sameParent));
        }
        using (var anApplicant = await EnterAsync(registrar, round, sibling, applicant))
            Assert.EndsWith("/settlement-round-member-is-applicant", await PermitIssuanceTests.ProblemTypeAsync(anApplicant));
        using (var memberApplies = await EnterAsync(registrar, round, parent))
            Assert.EndsWith("/settlement-round-member-is-applicant", await PermitIssuanceTests.ProblemTypeAsync(memberApplies));
        using (var alone = await EnterAsync(registrar, round, sibling))
            Assert.Equal(HttpStatusCode.Created, alone.StatusCode);

        await using var check = host.NewContext();
        var stored = await check.Set<RoundApplicant>().AsNoTracking().ToListAsync(Ct);
        Assert.Equal([parent], stored.Single(a => a.ResidentId == applicant).Members.Select(m => m.MemberId));
        Assert.Empty(stored.Single(a => a.ResidentId == sibling).Members);
    }

    private static async Task<Guid> OpenAsync(HttpClient supervisor, int quota)
    {
        using var opened = await supervisor.PostAsJsonAsync("/api/settlement/rounds", new
        {
            year = 2026, quota, applicationOpens = "2026-03-10", applicationCloses = "2026-03-31", publicityDays = 7,
            permitMonths = 0, insuranceMonths = 0, noFreeze = true,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        return (await opened.Content.ReadFromJsonAsync<RoundResponse>(Ct))!.Id;
    }

    private static Task<HttpResponseMessage> EnterAsync(HttpClient registrar, Guid round, Guid resident, params Guid[] members) =>
        registrar.PostAsJsonAsync($"/api/settlement/rounds/{round}/applicants",
            new { residentId = resident, members = members.Select(m => new { memberId = m }).ToArray() }, Ct);

    /// <summary>A resident born <paramref name="born"/>, registered at <paramref name="address"/> since 1 August 2025, application approved.</summary>
    private static async Task<(Guid Resident, Guid Application)> ResidentAsync(PermitTestHost host, string idNumber, string name, DateOnly born, string address)
    {
        await using var db = host.NewContext();
        var number = CitizenIdNumber.Parse(idNumber);
        var resident = Resident.FromIdCard(new IdentityDetails(number, name, number.Sex, EthnicGroup.Han, born, "北京市东城区东华门街道1号"));
        var on = PermitArrange.RegisteredOn;
        var registration = ResidenceRegistration.Declare(resident.Id, address, CommunityCode.Parse("330211003001"), on, on,
            ResidenceBasis.Employment, "劳动合同 LC-1", "宁波镇海某公司");
        var application = PermitApplication.Submit(resident.Id, registration, DistrictExemption.None, PermitArrange.ApprovedOn.AddDays(-1));
        application.AddDocument(DocumentKind.IdCard, "ID", PermitArrange.ApprovedOn.AddDays(-1));
        application.AddDocument(DocumentKind.Photo, "PHOTO", PermitArrange.ApprovedOn.AddDays(-1));
        application.AddDocument(DocumentKind.LabourContract, "LC-1", PermitArrange.ApprovedOn.AddDays(-1));
        application.Accept(PermitArrange.ApprovedOn.AddDays(-1));
        application.Approve(new Official("supervisor-1", OfficialRole.Supervisor), PermitArrange.ApprovedOn);
        db.AddRange(resident, registration, application);
        await db.SaveChangesAsync(Ct);
        return (resident.Id, application.Id);
    }

    private static string ParentIdNumber(int n)
    {
        var seventeen = string.Create(CultureInfo.InvariantCulture, $"33021119600101{(2 * n) + 1:000}");
        return seventeen + Domain.Credentials.PermitFormats.Mod112CheckCharacter(seventeen);
    }

    /// <summary>An open social-insurance cover from the bureau's statement: <paramref name="years"/> years up to 10 March 2026.</summary>
    private static async Task CoversAsync(PermitTestHost host, Guid resident, int years)
    {
        await using var db = host.NewContext();
        var constructor = typeof(SocialInsuranceCover).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single(c => c.GetParameters().Length == 6);
        db.Add(constructor.Invoke([resident, new DateOnly(2026, 3, 10).AddYears(-years), null, "社保对账单", "test", host.Time.GetUtcNow()]));
        await db.SaveChangesAsync(Ct);
    }

    private static string WithoutTrace(string problem) => TraceId().Replace(problem, "");

    [GeneratedRegex("\"traceId\":\"[^\"]*\"")]
    private static partial Regex TraceId();
}

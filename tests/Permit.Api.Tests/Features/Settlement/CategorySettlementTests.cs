using Permit.Api.Features.Families;
using Permit.Api.Features.Settlement;
using Permit.Domain.Entitlements;
using static Permit.Api.Tests.Features.Entitlements.EntitlementArrange;
using static Permit.Api.Tests.Features.Settlement.SettlementArrange;

namespace Permit.Api.Tests.Features.Settlement;

/// <summary>Families and 分类落户 over HTTP: a guardian registers a child, a family settles by category, their permits end.</summary>
public sealed class CategorySettlementTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(TestProviders.Both), MemberType = typeof(TestProviders))]
    public async Task A_family_settles_by_category_and_their_permits_end_and_cards_are_refused_at_the_counter(DatabaseProvider provider)
    {
        await using var host = new PermitTestHost(provider);
        using var registrar = host.Officer();
        using var supervisor = host.Officer(OfficerRole.Supervisor);
        var applicant = await ActiveHolderAsync(host, registrar, 0);
        var spouse = await ActiveHolderAsync(host, registrar, 1);
        await LinkAsync(registrar, applicant.ResidentId, spouse.ResidentId, "spouse", "marriage-certificate");
        var child = await ChildAsync(registrar, applicant.ResidentId, ChildIdNumber("20220315", 0));

        // Stable residence asks for three years; seven months of registration and no insurance: every gap at once.
        using (var notice = await ApplyAsync(registrar, applicant.ResidentId, "stable-residence", []))
        {
            Assert.Equal(HttpStatusCode.Created, notice.StatusCode);
            var assessed = (await notice.Content.ReadFromJsonAsync<SettlementApplicationResponse>(Ct))!;
            Assert.Equal(["residence-36", "insurance-36", "housing-proof"], assessed.Unmet.Select(u => u.Code));
            Assert.Equal("7 months", assessed.Unmet[0].Found);
            using var refused = await DecideAsync(supervisor, assessed.Id, "refuse", "居住年限、社保年限不足，缺住所证明");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        }

        using var applied = await ApplyAsync(registrar, applicant.ResidentId, "within-region", ["ningbo-hukou"], spouse.ResidentId, child.MemberId);
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var application = (await applied.Content.ReadFromJsonAsync<SettlementApplicationResponse>(Ct))!;
        Assert.Empty(application.Unmet);
        Assert.Equal([("spouse", 36), ("child", 3)], application.Members.Select(m => (m.Relationship, m.Age)).OrderByDescending(m => m.Item2));

        using var approved = await DecideAsync(supervisor, application.Id, "approve");
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var decided = (await approved.Content.ReadFromJsonAsync<SettlementApplicationResponse>(Ct))!;
        Assert.Equal("approved", decided.Status);
        Assert.Equal(new[] { applicant.Number, spouse.Number }.Order(StringComparer.Ordinal), decided.PermitsEnded);

        var ended = await registrar.GetFromJsonAsync<PermitView>($"/api/permits/{spouse.Number}", Ct);
        Assert.Equal("Terminated", ended!.Status);
        Assert.All(ended.Cards, c => Assert.Equal("Revoked", c.Status));

        using var school = await TerminalAsync(host, "镇海实验小学", ServiceCategory.Education);
        var atCounter = await CardAtCounterAsync(school, applicant);
        Assert.False(atCounter!.Eligible);
        Assert.NotEqual(EntitlementReasons.Eligible, atCounter.ReasonCode);

        using var letter = await registrar.GetAsync(new Uri($"/api/settlement/applications/{application.Id}/notice", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await letter.Content.ReadAsByteArrayAsync(Ct), 0, 4), StringComparison.Ordinal);
        var csv = await supervisor.GetStringAsync(new Uri("/api/settlement/export?format=csv", UriKind.Relative), Ct);
        var csvLines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', SettlementDocuments.Columns), csvLines[0]);
        Assert.Equal(["applicant", "spouse", "child"], csvLines.Skip(1).Select(l => l.Split(',')[3]));
        Assert.Contains(csvLines, l => l.Contains(applicant.Number, StringComparison.Ordinal));
        using (var registrarExport = await registrar.GetAsync(new Uri("/api/settlement/export", UriKind.Relative), Ct))
            Assert.Equal(HttpStatusCode.Forbidden, registrarExport.StatusCode);

        await using var db = host.NewContext();
        var actions = await db.Set<AuditEntry>().Where(e => e.ResidentId == applicant.ResidentId).Select(e => e.Action).ToListAsync(Ct);
        Assert.Contains("family.link", actions);
        Assert.Contains("settlement.approve", actions);
        Assert.Contains("permit.terminate", actions);
    }

    [Fact]
    public async Task A_guardian_registers_an_infant_with_consent_and_the_child_shows_in_the_family_without_an_id_card_read()
    {
        await using var host = new PermitTestHost();
        using var registrar = host.Officer();
        var mother = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0];

        using (var withoutConsent = await RegisterChildAsync(registrar, mother.ResidentId, ChildIdNumber("20251120", 1), consent: false))
        {
            Assert.Equal(HttpStatusCode.BadRequest, withoutConsent.StatusCode);
            Assert.EndsWith("/family-guardian-consent-required", await PermitIssuanceTests.ProblemTypeAsync(withoutConsent));
        }
        using (var adult = await RegisterChildAsync(registrar, mother.ResidentId, PermitArrange.IdNumber(5)))
            Assert.EndsWith("/family-child-not-minor", await PermitIssuanceTests.ProblemTypeAsync(adult));

        var baby = await ChildAsync(registrar, mother.ResidentId, ChildIdNumber("20251120", 1));

        var family = await registrar.GetFromJsonAsync<List<FamilyMemberResponse>>($"/api/residents/{mother.ResidentId}/family", Ct);
        var member = Assert.Single(family!);
        Assert.Equal((baby.MemberId, "child", 0, true, "birth-certificate"), (member.MemberId, member.Relationship, member.Age, member.GuardianConsent, member.EvidenceKind));
        var fromChild = await registrar.GetFromJsonAsync<List<FamilyMemberResponse>>($"/api/residents/{baby.MemberId}/family", Ct);
        Assert.Equal("parent", Assert.Single(fromChild!).Relationship);
    }

    [Fact]
    public async Task A_registrar_cannot_decide_a_settlement_application_and_nothing_changes()
    {
        await using var host = new PermitTestHost();
        using var registrar = host.Officer();
        var applicant = await ActiveHolderAsync(host, registrar, 0);
        using var applied = await ApplyAsync(registrar, applicant.ResidentId, "within-region", ["ningbo-hukou"]);
        var application = (await applied.Content.ReadFromJsonAsync<SettlementApplicationResponse>(Ct))!;

        using var decided = await DecideAsync(registrar, application.Id, "approve");

        Assert.Equal(HttpStatusCode.Forbidden, decided.StatusCode);
        var permit = await registrar.GetFromJsonAsync<PermitView>($"/api/permits/{applicant.Number}", Ct);
        Assert.Equal("Active", permit!.Status);
        var again = await registrar.GetFromJsonAsync<SettlementApplicationResponse>($"/api/settlement/applications/{application.Id}", Ct);
        Assert.Equal("submitted", again!.Status);
    }

    [Fact]
    public async Task A_parent_not_living_with_the_applicant_cannot_settle_with_them()
    {
        await using var host = new PermitTestHost();
        using var registrar = host.Officer();
        var applicant = await ActiveHolderAsync(host, registrar, 0);
        // The parent has no residence registration here, so cannot be living with the applicant.
        using var typed = await registrar.PostAsJsonAsync("/api/residents", new
        {
            idNumber = ParentIdNumber(), name = "王父", ethnicGroup = "01", hukouAddress = "北京市东城区东华门街道1号",
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, typed.StatusCode);
        var parent = (await typed.Content.ReadFromJsonAsync<Permit.Api.Features.Residents.ResidentResponse>(Ct))!;
        await LinkAsync(registrar, applicant.ResidentId, parent.Id, "parent", "hukou-booklet");

        using var applied = await ApplyAsync(registrar, applicant.ResidentId, "within-region", ["ningbo-hukou"], parent.Id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, applied.StatusCode);
        Assert.EndsWith("/settlement-member-not-eligible", await PermitIssuanceTests.ProblemTypeAsync(applied));
    }

    private static string ParentIdNumber()
    {
        const string seventeen = "33021119600101003";
        return seventeen + Domain.Credentials.PermitFormats.Mod112CheckCharacter(seventeen);
    }
}

using Permit.Api.Features.Settlement.Rounds;
using Permit.Domain.Credentials;

namespace Permit.Web.Tests.Stories;

/// <summary>
/// 落户 in the browser: the guardian registers a child at the desk, the family settles by category and the permit ends;
/// a supervisor publishes a points round from the round page, and the public list shows masked data only.
/// </summary>
public sealed class SettlementStoryTests(Browser browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_guardian_registers_a_child_the_family_settles_by_category_and_the_publicity_page_shows_masked_data_only()
    {
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        await host.AddOfficerAsync("zhao.supervisor", OfficerRole.Supervisor, "赵科长");
        var applicantApplication = await PermitArrange.ApprovedApplicationAsync(host, 1, "王建国");
        var spouseApplication = await PermitArrange.ApprovedApplicationAsync(host, 2, "李秀英");
        var publicApplication = await PermitArrange.ApprovedApplicationAsync(host, 3, "张伟民");
        Guid applicantId, publicId;
        await using (var db = host.NewContext())
        {
            applicantId = db.PermitApplications.Single(a => a.Id == applicantApplication).ResidentId;
            publicId = db.PermitApplications.Single(a => a.Id == publicApplication).ResidentId;
        }

        // A points round whose window closes today, with one applicant entered through the API.
        Guid roundId;
        using (var supervisorApi = await host.BearerClientAsync("zhao.supervisor"))
        using (var registrarApi = await host.BearerClientAsync("li.registrar"))
        {
            var (number, _) = await PermitArrange.ActivePermitAsync(registrarApi, applicantApplication);
            Assert.NotEmpty(number);
            using var opened = await supervisorApi.PostAsJsonAsync("/api/settlement/rounds", new
            {
                year = 2026, quota = 1, applicationOpens = "2026-03-01", applicationCloses = "2026-03-02", publicityDays = 7, permitMonths = 0, insuranceMonths = 0,
            }, Ct);
            opened.EnsureSuccessStatusCode();
            roundId = (await opened.Content.ReadFromJsonAsync<RoundResponse>(Ct))!.Id;
            using var entered = await registrarApi.PostAsJsonAsync($"/api/settlement/rounds/{roundId}/applicants", new { residentId = publicId }, Ct);
            entered.EnsureSuccessStatusCode();
        }
        host.Time.Advance(TimeSpan.FromDays(1)); // 3 March: the window has closed

        // The guardian registers a three-year-old at the desk (no ID card read: the birth certificate and consent instead).
        var desk = await browser.NewPageAsync(host.BaseUrl);
        await desk.SignInAtDeskAsync("li.registrar");
        await desk.GotoAsync($"/desk/residents/{applicantId}");
        await desk.GetByText("监护人为未满16周岁子女登记").ClickAsync();
        await desk.Locator("#c-name").FillAsync("王小宝");
        await desk.Locator("#c-id").FillAsync(ChildIdNumber());
        await desk.Locator("#c-birth").FillAsync("P330012345");
        await desk.Locator("#c-consent-ref").FillAsync("监护人同意书 2026-001");
        await desk.Locator("#c-consent").CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "登记子女" }).ClickAsync();
        var family = desk.Locator("table.family tbody tr");
        await Assertions.Expect(family).ToHaveCountAsync(1);
        await Assertions.Expect(family.First).ToContainTextAsync("王小宝");
        await Assertions.Expect(family.First).ToContainTextAsync("（监护人已同意）");

        // The spouse, already a resident, is linked by ID number with the marriage certificate.
        await desk.GetByText("关联已登记的家庭成员").ClickAsync();
        await desk.Locator("#l-id").FillAsync(PermitArrange.IdNumber(2));
        await desk.Locator("#l-rel").SelectOptionAsync("spouse");
        await desk.Locator("#l-kind").SelectOptionAsync("marriage-certificate");
        await desk.Locator("#l-ref").FillAsync("结婚证 J330211-2019-88");
        await desk.GetByRole(AriaRole.Button, new() { Name = "关联", Exact = true }).ClickAsync();
        await Assertions.Expect(family).ToHaveCountAsync(2);
        await Assertions.Expect(desk.Locator("table.family")).ToContainTextAsync("李秀英");

        // A category application for the family: within the region, hukou booklet seen, both members settling too.
        await desk.Locator("#s-category").SelectOptionAsync("within-region");
        await desk.Locator("#settlement-form input[name='documents[]'][value='ningbo-hukou']").CheckAsync();
        foreach (var member in await desk.Locator("#settlement-form input[name='members[]']").AllAsync())
            await member.CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "提交落户申请" }).ClickAsync();
        var settlement = desk.Locator("[data-settlement]");
        await Assertions.Expect(settlement).ToHaveAttributeAsync("data-status", "submitted");
        await Assertions.Expect(settlement.Locator(".unmet")).ToHaveCountAsync(0);
        // Deciding is a supervisor's: the registrar is offered no decision.
        await Assertions.Expect(settlement.Locator("form.decision")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(desk, "settlement-1-family-applied");

        var supervisor = await browser.NewPageAsync(host.BaseUrl);
        await supervisor.SignInAtDeskAsync("zhao.supervisor");
        await supervisor.GotoAsync($"/desk/residents/{applicantId}");
        await supervisor.Locator("form.decision input[name='reasons']").FillAsync("户籍在宁波市域内，连续居住满6个月");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "作出决定" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("[data-settlement]")).ToHaveAttributeAsync("data-status", "approved");
        await Assertions.Expect(supervisor.Locator("#permit-status")).ToHaveTextAsync("已注销");
        await Screenshots.AssertReadableAsync(supervisor);
        await Screenshots.SaveAsync(supervisor, "settlement-2-approved-permit-ended");

        // Before publication there is no public list at all: the page answers as for a round that does not exist.
        var visitor = await browser.NewPageAsync(host.BaseUrl);
        var early = await visitor.GotoAsync($"/publicity/settlement/{roundId}");
        Assert.Equal((int)HttpStatusCode.NotFound, early!.Status);
        Assert.DoesNotContain("张", WebUtility.HtmlDecode(await visitor.ContentAsync()), StringComparison.Ordinal);

        // The supervisor publishes the points round from its page.
        supervisor.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await supervisor.GotoAsync("/admin/settlement");
        await supervisor.Locator($"[data-round='{roundId}'] a").ClickAsync();
        await Assertions.Expect(supervisor.Locator("#round")).ToHaveAttributeAsync("data-stage", "window-closed");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "排名并公示" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#round")).ToHaveAttributeAsync("data-stage", "publicity");
        await Assertions.Expect(supervisor.Locator("#ranking tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(supervisor.Locator("#reproducible")).ToHaveTextAsync("与存储的排名一致");
        await Screenshots.AssertReadableAsync(supervisor);
        await Screenshots.SaveAsync(supervisor, "settlement-3-round-published");

        // Anyone may read the public list: masked name and ID number, nothing that names the person in full.
        var publicity = await visitor.GotoAsync($"/publicity/settlement/{roundId}");
        Assert.Equal((int)HttpStatusCode.OK, publicity!.Status);
        await Assertions.Expect(visitor.Locator("#publicity tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(visitor.Locator("#publicity tbody tr")).ToContainTextAsync("张＊＊");
        await Assertions.Expect(visitor.Locator("#publicity tbody tr")).ToContainTextAsync(PermitArrange.IdNumber(3)[..6] + "********" + PermitArrange.IdNumber(3)[^4..]);
        var html = WebUtility.HtmlDecode(await visitor.ContentAsync());
        Assert.DoesNotContain("张伟民", html, StringComparison.Ordinal);
        Assert.DoesNotContain(PermitArrange.IdNumber(3), html, StringComparison.Ordinal);
        Assert.DoesNotContain(PermitArrange.IdNumber(3)[6..14], html, StringComparison.Ordinal);
        Assert.DoesNotContain(publicId.ToString(), html, StringComparison.OrdinalIgnoreCase);
        await Screenshots.AssertReadableAsync(visitor);
        await Screenshots.SaveAsync(visitor, "settlement-4-publicity");
    }

    [Fact]
    public async Task A_registrar_enters_a_points_round_with_the_spouse_and_the_round_page_names_her_beside_the_applicant()
    {
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        await host.AddOfficerAsync("zhao.supervisor", OfficerRole.Supervisor, "赵科长");
        var applicantApplication = await PermitArrange.ApprovedApplicationAsync(host, 1, "王建国");
        var spouseApplication = await PermitArrange.ApprovedApplicationAsync(host, 2, "李秀英");
        Guid applicantId, spouseId, roundId;
        await using (var db = host.NewContext())
        {
            applicantId = db.PermitApplications.Single(a => a.Id == applicantApplication).ResidentId;
            spouseId = db.PermitApplications.Single(a => a.Id == spouseApplication).ResidentId;
        }
        using var supervisorApi = await host.BearerClientAsync("zhao.supervisor");
        using (var registrarApi = await host.BearerClientAsync("li.registrar"))
        {
            using var linked = await registrarApi.PostAsJsonAsync($"/api/residents/{applicantId}/family",
                new { memberId = spouseId, relationship = "spouse", evidenceKind = "marriage-certificate", evidenceReference = "结婚证 J330211-2019-88" }, Ct);
            linked.EnsureSuccessStatusCode();
            using var opened = await supervisorApi.PostAsJsonAsync("/api/settlement/rounds", new
            {
                year = 2026, quota = 1, applicationOpens = "2026-03-01", applicationCloses = "2026-03-31", publicityDays = 7, permitMonths = 0, insuranceMonths = 0,
            }, Ct);
            opened.EnsureSuccessStatusCode();
            roundId = (await opened.Content.ReadFromJsonAsync<RoundResponse>(Ct))!.Id;
        }

        // At the desk the round takes applications: the registrar enters the resident with the spouse settling too.
        var desk = await browser.NewPageAsync(host.BaseUrl);
        await desk.SignInAtDeskAsync("li.registrar");
        await desk.GotoAsync($"/desk/residents/{applicantId}");
        await desk.Locator("#round-entry-form input[name='members[]']").CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "参加本年度积分落户" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#round-entry")).ToHaveAttributeAsync("data-members", "1");
        await Assertions.Expect(desk.Locator("#round-entry")).ToContainTextAsync("李秀英 (配偶)");
        await Screenshots.SaveAsync(desk, "settlement-5-round-entered-with-spouse");

        using (var closed = await supervisorApi.PostAsync(new Uri($"/api/settlement/rounds/{roundId}/closing", UriKind.Relative), null, Ct))
            closed.EnsureSuccessStatusCode();
        host.Time.Advance(TimeSpan.FromDays(1));
        using (var supervisorApi2 = await host.BearerClientAsync("zhao.supervisor"))
        using (var published = await supervisorApi2.PostAsync(new Uri($"/api/settlement/rounds/{roundId}/publication", UriKind.Relative), null, Ct))
            published.EnsureSuccessStatusCode();

        // The supervisor's round page names who settles with the applicant.
        var supervisor = await browser.NewPageAsync(host.BaseUrl);
        await supervisor.SignInAtDeskAsync("zhao.supervisor");
        await supervisor.GotoAsync($"/admin/settlement/{roundId}");
        var line = supervisor.Locator("#ranking tbody tr");
        await Assertions.Expect(line).ToHaveCountAsync(1);
        await Assertions.Expect(line).ToHaveAttributeAsync("data-members", "1");
        await Assertions.Expect(line.Locator("td.members")).ToContainTextAsync("李秀英 (配偶)");
        await Screenshots.AssertReadableAsync(supervisor);
    }

    /// <summary>A child born 15 March 2022 in 镇海区, as the hukou booklet shows the number.</summary>
    private static string ChildIdNumber()
    {
        const string seventeen = "33021120220315002";
        return seventeen + PermitFormats.Mod112CheckCharacter(seventeen);
    }
}

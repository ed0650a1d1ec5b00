using Permit.Api.Features.Points;

namespace Permit.Web.Tests.Pages;

/// <summary>A supervisor changes the district's points: a bad number is refused in words, a good one becomes the next version.</summary>
public sealed class PointsRulesTests(Browser browser)
{
    [Fact]
    public async Task A_supervisor_publishes_new_employment_points_and_sees_the_version_move_and_everyone_recomputed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        await host.AddOfficerAsync("wang.supervisor", OfficerRole.Supervisor, "王科长");
        var applicationId = await PermitArrange.ApprovedApplicationAsync(host, 7, "周强");
        Guid residentId;
        await using (var db = host.NewContext())
            residentId = db.PermitApplications.Single(a => a.Id == applicationId).ResidentId;
        using (var registrar = await host.BearerClientAsync("li.registrar"))
        using (var fact = await registrar.PostAsJsonAsync($"/api/points/residents/{residentId}/entries",
                   new { indicator = "city.employment", level = "labour-contract-1-year", evidenceReference = "劳动合同 LC-7" }, ct))
            fact.EnsureSuccessStatusCode();
        var before = await BalanceAsync(host);

        var page = await browser.NewPageAsync(host.BaseUrl);
        await page.GotoAsync("/signin?returnUrl=%2Fadmin%2Fpoints");
        await page.GetByLabel("用户名").FillAsync("wang.supervisor");
        await page.GetByLabel("密码").FillAsync(PermitTestHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("#current-version")).ToContainTextAsync("第 1 版");
        await Assertions.Expect(page.Locator("#current-published")).ToContainTextAsync("随系统提供");

        var employment = page.GetByRole(AriaRole.Group, new() { Name = "就业" });
        var contract = employment.GetByLabel("在甬连续签订劳动合同满1年（分）");
        await contract.FillAsync("-5");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布第 2 版" }).ClickAsync();

        var refusal = page.Locator("#publish-result");
        await Assertions.Expect(refusal).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(refusal).ToContainTextAsync("“-5”不是有效分值，请填写 0 或更大的数");
        await Assertions.Expect(contract).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(contract).ToBeFocusedAsync();
        await Screenshots.AssertReadableAsync(page);
        await Screenshots.SaveAsync(page, "rules-1-refused");
        await using (var db = host.NewContext())
            Assert.Empty(await db.Set<PublishedRuleSet>().ToListAsync(ct));

        // Twelve points under a cap of ten would never be paid: the page says so instead of publishing it.
        await contract.FillAsync("12");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布第 2 版" }).ClickAsync();
        await Assertions.Expect(refusal).ToContainTextAsync("12 分超过了本指标上限 10 分");

        await employment.GetByLabel("本指标上限").FillAsync("15");
        await page.GetByText("新增指标").ClickAsync();
        await page.GetByLabel("指标代码").FillAsync("skills-training");
        await page.GetByLabel("指标名称").FillAsync("职业技能培训");
        await page.GetByLabel("每单位的分值").FillAsync("1");
        await page.Locator("#ni-cap").FillAsync("5");
        await page.GetByRole(AriaRole.Button, new() { Name = "发布第 2 版" }).DblClickAsync();

        await Assertions.Expect(page.Locator("#published")).ToContainTextAsync(
            "已发布 ningbo-zhenhai@2，今天起生效；已按新版本重新计算 1 位居民的积分，写入 1 条调整记录。");
        await Assertions.Expect(page.Locator("#current-version")).ToContainTextAsync("第 2 版");
        await Assertions.Expect(page.Locator("#current-published")).ToContainTextAsync("王科长");
        await Assertions.Expect(page.Locator("#indicators tr[data-code='city.employment']")).ToContainTextAsync("在甬连续签订劳动合同满1年：12 分");
        await Assertions.Expect(page.Locator("#indicators tr[data-code='city.employment']")).ToContainTextAsync("15 分");
        await Assertions.Expect(page.Locator("#indicators tr[data-code='district.skills-training']")).ToContainTextAsync("每 1 次得 1 分");
        await Assertions.Expect(page.Locator("#versions tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#versions tbody tr").Last).ToContainTextAsync("2026-01-01 至 2026-03-01");
        await Assertions.Expect(page.Locator("#versions tbody tr").Last).ToContainTextAsync("已被取代");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "发布第 3 版" })).ToBeVisibleAsync();
        await Screenshots.AssertReadableAsync(page);
        await Screenshots.SaveAsync(page, "rules-2-published");

        await using (var db = host.NewContext())
            Assert.Single(await db.Set<PublishedRuleSet>().ToListAsync(ct));
        var after = await BalanceAsync(host);
        Assert.Equal("ningbo-zhenhai@2", after.RuleSetVersion);
        Assert.Equal(before.Total + 2, after.Total);
    }

    private static async Task<PointsBalance> BalanceAsync(PermitTestHost host)
    {
        await using var db = host.NewContext();
        return await db.PointsBalances.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
    }
}

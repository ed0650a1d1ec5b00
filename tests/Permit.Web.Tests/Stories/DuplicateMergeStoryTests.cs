using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Permit.Api.Features.Duplicates;
using Permit.Api.Persistence;
using Permit.Domain.Common;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Web.Tests.Stories;

/// <summary>
/// A person registered twice (once under a mistyped ID number and the traditional form of the name) is found by the daily
/// scan; the supervisor reads the evidence on /desk/duplicates, keeps the right record and merges: the list empties and
/// the kept resident has both registrations.
/// </summary>
public sealed partial class DuplicateMergeStoryTests(Browser browser)
{
    [Fact]
    public async Task A_supervisor_merges_a_person_registered_twice_and_the_kept_resident_has_both_registrations_and_shows_in_the_quality_report()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("zhao.supervisor", OfficerRole.Supervisor, "赵科长");
        var today = ChinaDate.Today(host.Time);
        var real = Person("33021119850101123", "张伟");
        var slip = Person("33021119850101128", "張偉");
        await using (var db = host.NewContext())
        {
            db.AddRange(real, slip, Registration(real, today.AddYears(-2)), Registration(slip, today.AddMonths(-8)));
            await db.SaveChangesAsync(ct);
        }
        await using (var scope = host.Services.CreateAsyncScope())
            await new DuplicateScan(scope.ServiceProvider.GetRequiredService<PermitDbContext>()).RunAsync(host.Time.GetUtcNow(), ct);

        var page = await browser.NewPageAsync(host.BaseUrl);
        await page.GotoAsync("/signin?returnUrl=%2Fdesk%2Fduplicates");
        await page.GetByLabel("用户名").FillAsync("zhao.supervisor");
        await page.GetByLabel("密码").FillAsync(PermitTestHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("疑似重复人员");
        var suspicion = page.Locator("section.suspicion");
        // The digits read in the pair's stored order (by record id), so either way round.
        await Assertions.Expect(suspicion.Locator("h2")).ToContainTextAsync(DigitSeventeen());
        await Assertions.Expect(suspicion).ToContainTextAsync("繁体/简体");
        await Screenshots.AssertReadableAsync(page);
        await Screenshots.SaveAsync(page, "duplicates-1-suspected");

        await page.GetByLabel(KeepReal()).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "合并" }).ClickAsync();

        await Assertions.Expect(page.Locator("#duplicates-empty")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "duplicates-2-merged");
        await using var check = host.NewContext();
        Assert.False(await check.Residents.AnyAsync(r => r.Id == slip.Id, ct));
        Assert.Equal(2, await check.ResidenceRegistrations.CountAsync(g => g.ResidentId == real.Id, ct));
        await page.GotoAsync($"/desk/residents/{real.Id}");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("张伟");

        // The data-quality report: the kept resident has no contact yet, and the drill-down names him.
        await page.GotoAsync("/desk/data-quality");
        await Assertions.Expect(page.Locator("#quality-counts tr[data-check='missing-contact'] td").Nth(1)).ToHaveTextAsync("1");
        await page.GetByRole(AriaRole.Link, new() { Name = "缺少联系方式的居民" }).ClickAsync();
        await Assertions.Expect(page.Locator("#quality-records")).ToContainTextAsync("张伟");
        await Screenshots.AssertReadableAsync(page);
        await Screenshots.SaveAsync(page, "data-quality-drill-down");
    }

    [GeneratedRegex("身份号码仅第 17 位不同（(3/8|8/3)）")]
    private static partial Regex DigitSeventeen();

    [GeneratedRegex(@"张伟 \(")]
    private static partial Regex KeepReal();

    private static Resident Person(string seventeen, string name)
    {
        var number = CitizenIdNumber.Parse(seventeen + Mod11Check.Compute(seventeen));
        return Resident.FromIdCard(new IdentityDetails(number, name, number.Sex, EthnicGroup.Han, number.BirthDate, "北京市东城区东华门街道1号"));
    }

    private static ResidenceRegistration Registration(Resident resident, DateOnly on) =>
        ResidenceRegistration.Declare(resident.Id, "浙江省宁波市镇海区骆驼街道中街1号", CommunityCode.Parse("330211003001"), on, on,
            ResidenceBasis.Employment, "劳动合同 LC-1", "宁波镇海某公司");
}

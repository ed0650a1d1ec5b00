using Permit.Domain.Identity;
using Permit.Domain.Residents;

namespace Permit.Web.Tests.Pages;

/// <summary>An admin adds a community to the directory; a registrar then finds it by name in the registration form.</summary>
public sealed class CommunitiesPageTests(Browser browser)
{
    [Fact]
    public async Task A_community_the_admin_adds_is_found_by_name_in_the_registration_form_and_fills_its_code()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("zhao.admin", OfficerRole.Admin, "赵管理员");
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        var resident = Resident.FromIdCard(new IdentityDetails(
            CitizenIdNumber.Parse(PermitArrange.IdNumber(41)), "吴新", Sex.Male, EthnicGroup.Han, new DateOnly(1990, 1, 1), "北京市东城区东华门街道1号"));
        await using (var db = host.NewContext())
        {
            db.Residents.Add(resident);
            await db.SaveChangesAsync(ct);
        }

        var admin = await browser.SignedInPageAsync(host, "zhao.admin");
        await admin.GotoAsync("/admin/communities");
        await admin.Locator("#c-code").FillAsync("330211002009");
        await admin.Locator("#c-name").FillAsync("新蛟川社区");
        await admin.GetByRole(AriaRole.Button, new() { Name = "添加社区" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#community-table tr[data-community='330211002009']")).ToContainTextAsync("新蛟川社区");

        var registrar = await browser.SignedInPageAsync(host, "li.registrar");
        await registrar.GotoAsync($"/desk/residents/{resident.Id}");
        await registrar.Locator("#g-community-search").FillAsync("蛟川");
        var result = registrar.Locator("#g-community-results button", new() { HasText = "新蛟川社区" });
        await result.ClickAsync();
        await Assertions.Expect(registrar.Locator("#g-community")).ToHaveValueAsync("330211002009");
        await Screenshots.AssertReadableAsync(registrar);
    }

    [Fact]
    public async Task A_dry_run_of_a_directory_file_shows_what_it_would_add_and_reject_and_the_directory_stays_as_it_was()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("zhao.admin", OfficerRole.Admin, "赵管理员");
        var file = Path.Combine(Path.GetTempPath(), $"communities-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, "社区代码,社区名称,所属街道\r\n330211101002,汶溪村,九龙湖镇\r\n33021100300X,坏代码,骆驼街道\r\n", ct);
        try
        {
            var admin = await browser.SignedInPageAsync(host, "zhao.admin");
            await admin.GotoAsync("/admin/communities");
            await admin.Locator("#community-file").SetInputFilesAsync(file);
            await admin.GetByRole(AriaRole.Button, new() { Name = "试运行（不写入）" }).ClickAsync();

            var outcome = admin.Locator("#community-import-form .result");
            await Assertions.Expect(outcome).ToContainTextAsync("试运行，未写入");
            await Assertions.Expect(outcome).ToContainTextAsync("+1 ~0 =0 ×1");
            await Assertions.Expect(admin.Locator("#community-rejects tbody tr")).ToContainTextAsync("community-code-invalid");
            await admin.ReloadAsync();
            await Assertions.Expect(admin.Locator("#community-table")).ToHaveCountAsync(0);
            await Screenshots.AssertReadableAsync(admin);
        }
        finally
        {
            File.Delete(file);
        }
    }
}

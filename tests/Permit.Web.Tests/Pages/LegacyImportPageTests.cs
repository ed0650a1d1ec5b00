using System.Globalization;
using System.Text;
using Permit.Domain.Common;

namespace Permit.Web.Tests.Pages;

/// <summary>An administrator brings the old system's residents in: a dry run names the bad rows, the import writes the rest once.</summary>
public sealed class LegacyImportPageTests(Browser browser)
{
    [Fact]
    public async Task A_dry_run_lists_the_rejected_rows_and_the_import_written_twice_adds_nothing_the_second_time()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("zhao.admin", OfficerRole.Admin, "赵管理员");
        var rows = Enumerable.Range(0, 20).Select(i =>
        {
            var seventeen = string.Create(CultureInfo.InvariantCulture, $"41010219800101{i + 100:000}");
            return $"{seventeen + Mod11Check.Compute(seventeen)},旧居民{i},01,河南省郑州市,";
        }).Append("41010219800101999,坏行,01,河南省郑州市,");
        var file = Encoding.UTF8.GetBytes("idNumber,name,ethnicGroup,hukouAddress,contact\r\n" + string.Join("\r\n", rows) + "\r\n");

        var page = await browser.NewPageAsync(host.BaseUrl);
        await page.GotoAsync("/signin?returnUrl=%2Fadmin%2Flegacy-import");
        await page.GetByLabel("用户名").FillAsync("zhao.admin");
        await page.GetByLabel("密码").FillAsync(PermitTestHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.GetByLabel("历史数据文件").SetInputFilesAsync(new FilePayload { Name = "residents.csv", MimeType = "text/csv", Buffer = file });

        await page.GetByRole(AriaRole.Button, new() { Name = "试运行（不写入）" }).ClickAsync();
        await Assertions.Expect(page.Locator("#legacy-summary")).ToContainTextAsync("试运行，共 21 行：将写入 20 条，已存在 0 条，未通过 1 行。");
        await Assertions.Expect(page.Locator("#legacy-table tbody tr")).ToContainTextAsync("idNumber");
        await Screenshots.AssertReadableAsync(page);
        await Screenshots.SaveAsync(page, "legacy-1-dry-run");

        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("#legacy-summary")).ToContainTextAsync("共 21 行：新写入 20 条，已存在 0 条，未通过 1 行。");
        await page.GetByRole(AriaRole.Button, new() { Name = "导入" }).ClickAsync();
        await Assertions.Expect(page.Locator("#legacy-summary")).ToContainTextAsync("新写入 0 条");
        await using (var db = host.NewContext())
            Assert.Equal(20, await db.Residents.CountAsync(ct));
    }
}

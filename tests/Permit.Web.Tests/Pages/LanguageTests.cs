namespace Permit.Web.Tests.Pages;

/// <summary>Pages speak Chinese by default and English after the visible switch, remembered across pages.</summary>
public sealed class LanguageTests(Browser browser)
{
    [Fact]
    public async Task An_officer_signs_in_in_chinese_switches_to_english_and_the_next_page_stays_english()
    {
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        var page = await browser.NewPageAsync(host.BaseUrl);

        await page.GotoAsync("/desk");
        Assert.EndsWith("/signin?returnUrl=%2Fdesk", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("工作人员登录");
        await page.GetByLabel("用户名").FillAsync("li.registrar");
        await page.GetByLabel("密码").FillAsync(PermitTestHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("办证窗口");
        await Screenshots.SaveAsync(page, "language-1-desk-zh");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Registration desk");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Read ID card" })).ToBeVisibleAsync();
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Bulk reports" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "中文" })).ToBeVisibleAsync();
        await Screenshots.AssertReadableAsync(page);
        await Screenshots.SaveAsync(page, "language-2-english");
    }

    [Fact]
    public async Task A_wrong_password_is_answered_in_plain_words_and_the_form_stays()
    {
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        var page = await browser.NewPageAsync(host.BaseUrl);

        await page.GotoAsync("/signin");
        await page.GetByLabel("用户名").FillAsync("li.registrar");
        await page.GetByLabel("密码").FillAsync("not the password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误");
        await Assertions.Expect(page.GetByLabel("用户名")).ToHaveValueAsync("li.registrar");
        await Screenshots.SaveAsync(page, "signin-wrong-password");
    }
}

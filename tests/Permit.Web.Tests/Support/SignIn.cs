namespace Permit.Web.Tests.Support;

/// <summary>An officer signing in on <c>/signin</c> with the password, as at the desk.</summary>
internal static class SignIn
{
    /// <summary>Signs in and waits for the page the officer lands on (its heading), not the load event.</summary>
    public static async Task SignInAsync(this IPage page, string userName, string password = PermitTestHost.Password)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/signin", StringComparison.Ordinal));
        // A refused sign-in stays on the page: say what it answered instead of timing out on the URL (a full run once did).
        Assert.True(answer.Status is >= 300 and < 400, $"/signin answered {answer.Status}: {await page.Locator("body").InnerTextAsync()}");
        // Commit, not load: the signed-in page's load event can lag on a loaded machine; its heading is what the officer sees.
        await page.WaitForURLAsync(url => !url.Contains("signin", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
    }

    /// <summary>Signs in a registrar or supervisor, who lands on the desk (办证窗口).</summary>
    public static async Task SignInAtDeskAsync(this IPage page, string userName, string password = PermitTestHost.Password)
    {
        await page.SignInAsync(userName, password);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("办证窗口");
    }

    /// <summary>A fresh browser profile signed in as <paramref name="userName"/>.</summary>
    public static async Task<IPage> SignedInPageAsync(this Browser browser, PermitTestHost host, string userName)
    {
        var page = await browser.NewPageAsync(host.BaseUrl);
        await page.SignInAsync(userName);
        return page;
    }
}

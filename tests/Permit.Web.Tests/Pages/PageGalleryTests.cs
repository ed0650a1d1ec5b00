namespace Permit.Web.Tests.Pages;

/// <summary>
/// Every page at desktop (1280×800) and phone (390×844) width, signed in as the user it is for: each must render
/// without a raw text key, a stack trace or a serious accessibility violation (axe-core), and each is saved as a screenshot (PERMIT_SCREENSHOTS to collect them).
/// </summary>
public sealed class PageGalleryTests(Browser browser)
{
    [Fact]
    public async Task Every_page_renders_readable_text_at_desktop_and_phone_width()
    {
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        await host.AddOfficerAsync("zhao.admin", OfficerRole.Admin, "赵主任");
        var clinicKey = await host.AddTerminalAsync("镇海区骆驼街道社区卫生服务中心", ServiceCategory.Health);
        var applicationId = await PermitArrange.ApprovedApplicationAsync(host, 5, "孙丽");
        using var registrar = await host.BearerClientAsync("li.registrar");
        var (_, code) = await PermitArrange.ActivePermitAsync(registrar, applicationId);
        await using (var directory = host.NewContext())
        {
            directory.Communities.Add(Permit.Domain.Regions.Community.List(Permit.Domain.Regions.CommunityCode.Parse("330211003001"), "中街社区"));
            await directory.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        using (var anonymous = new HttpClient { BaseAddress = new Uri(host.BaseUrl) })
        using (var activated = await anonymous.PostAsJsonAsync("/api/self-service/activate",
                   new { activationCode = code, userName = "sunli", password = PermitTestHost.Password }, TestContext.Current.CancellationToken))
            activated.EnsureSuccessStatusCode();
        await using var db = host.NewContext();
        var residentId = db.PermitApplications.Single(a => a.Id == applicationId).ResidentId;
        using var admin = await host.BearerClientAsync("zhao.admin");
        using var opened = await admin.PostAsJsonAsync("/api/settlement/rounds", new
        {
            year = 2026, quota = 5, applicationOpens = "2026-03-01", applicationCloses = "2026-03-31", publicityDays = 7, permitMonths = 0, insuranceMonths = 0,
        }, TestContext.Current.CancellationToken);
        opened.EnsureSuccessStatusCode();
        var roundId = (await opened.Content.ReadFromJsonAsync<Permit.Api.Features.Settlement.Rounds.RoundResponse>(TestContext.Current.CancellationToken))!.Id;
        using (var entered = await registrar.PostAsJsonAsync($"/api/settlement/rounds/{roundId}/applicants", new { residentId }, TestContext.Current.CancellationToken))
            entered.EnsureSuccessStatusCode();
        using var admission = await admin.PostAsJsonAsync("/api/school-admission/rounds", new
        {
            zone = "镇海区第一学区", schoolYear = 2026, places = 10, residenceMonths = 6, insuranceMonths = 6, minimumAge = 6, maximumAge = 6,
        }, TestContext.Current.CancellationToken);
        admission.EnsureSuccessStatusCode();
        var admissionId = (await admission.Content.ReadFromJsonAsync<Permit.Api.Features.SchoolAdmission.RoundView>(TestContext.Current.CancellationToken))!.Id;
        // No page may show a key, a code or a password it was given; only a new terminal's key is shown, once, explained.
        Secrets = [clinicKey, code, PermitTestHost.Password];

        foreach (var (size, suffix) in new[] { (Browser.Desktop, "desktop"), (Browser.Phone, "phone") })
        {
            var anonymousPage = await browser.NewPageAsync(host.BaseUrl, size);
            foreach (var (path, name) in new[] { ("/", "home"), ("/signin", "signin"), ("/counter/signin", "counter-signin"), ("/me/signin", "me-signin"), ("/me/activate", "me-activate") })
                await ShootAsync(anonymousPage, path, $"{name}-{suffix}");

            var officer = await browser.NewPageAsync(host.BaseUrl, size);
            await SignInAsync(officer, "/signin", ("用户名", "zhao.admin"), ("密码", PermitTestHost.Password));
            foreach (var (path, name) in new[]
                     {
                         ("/desk", "desk"), ($"/desk/residents/{residentId}", "resident"), ("/desk/queue", "queue"),
                         ("/desk/bulk-reports", "bulk-reports"), ($"/desk/residents/{residentId}/tasks", "tasks"), ("/desk/reviews", "reviews"), ("/admin", "statistics"), ("/admin/users", "users"),
                         ($"/admin/audit/{residentId}", "audit-trail"), ("/admin/points", "points-rules"), ("/admin/legacy-import", "legacy-import"),
                         ("/desk/duplicates", "duplicates"), ("/desk/data-quality", "data-quality"), ("/desk/data-quality?check=missing-contact", "data-quality-records"),
                         ("/admin/settlement", "settlement-rounds"), ($"/admin/settlement/{roundId}", "settlement-round"),
                         ("/admin/school-admission", "admission-rounds"), ($"/admin/school-admission/{admissionId}", "admission-round"),
                         ("/admin/communities", "communities"),
                     })
                await ShootAsync(officer, path, $"{name}-{suffix}");
            await CreateTerminalAsync(officer, $"/admin/users", $"users-terminal-key-{suffix}", $"学校终端 {suffix}");
            await officer.GotoAsync("/language?culture=en&returnUrl=%2Fdesk");
            await ShootAsync(officer, $"/desk/residents/{residentId}", $"resident-en-{suffix}");
            await ShootAsync(officer, "/admin", $"statistics-en-{suffix}");
            await ShootAsync(officer, $"/desk/residents/{residentId}/tasks", $"tasks-en-{suffix}");
            await ShootAsync(officer, "/admin/points", $"points-rules-en-{suffix}");
            await ShootAsync(officer, $"/admin/settlement/{roundId}", $"settlement-round-en-{suffix}");
            await ShootAsync(officer, "/admin/communities", $"communities-en-{suffix}");

            var counter = await browser.NewPageAsync(host.BaseUrl, size);
            await SignInAsync(counter, "/counter/signin", ("终端密钥", clinicKey));
            await ShootAsync(counter, "/counter", $"counter-{suffix}");

            var holder = await browser.NewPageAsync(host.BaseUrl, size);
            await SignInAsync(holder, "/me/signin", ("用户名", "sunli"), ("密码", PermitTestHost.Password));
            await Assertions.Expect(holder.Locator("#me-number")).Not.ToBeEmptyAsync();
            await ShootAsync(holder, "/me", $"me-{suffix}");
        }

        Assert.True(Violations.Count == 0, "Serious or critical accessibility violations (axe-core):\n" + string.Join("\n", Violations.Distinct()));
    }

    private string[] Secrets { get; set; } = [];

    /// <summary>Collected over every page and width, so one run names every page to fix.</summary>
    private List<string> Violations { get; } = [];

    private static async Task SignInAsync(IPage page, string path, params (string Label, string Value)[] fields)
    {
        await page.GotoAsync(path);
        foreach (var (label, value) in fields)
            await page.GetByLabel(label, new() { Exact = true }).FillAsync(value);
        var answer = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains(path, StringComparison.Ordinal));
        // A refused sign-in stays on the page: say what it answered instead of timing out on the URL (a full run once did).
        Assert.True(answer.Status is >= 300 and < 400, $"{path} answered {answer.Status}: {await page.Locator("body").InnerTextAsync()}");
        await page.WaitForURLAsync(url => !url.Contains("signin", StringComparison.Ordinal));
    }

    private async Task ShootAsync(IPage page, string path, string name)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response is { Ok: true }, $"{path}: {response?.Status}");
        await page.WaitForTimeoutAsync(500); // the page scripts fill in what they fetch
        await AssertNoSecretsAsync(page);
        await AssertFitsAsync(page);
        await Screenshots.AssertReadableAsync(page);
        Violations.AddRange(await Accessibility.SeriousViolationsAsync(page));
        await Screenshots.SaveAsync(page, "page-" + name);
    }

    /// <summary>The one place a secret is shown: a new terminal's key, once, with what to do with it.</summary>
    private async Task CreateTerminalAsync(IPage page, string path, string name, string terminal)
    {
        await page.GotoAsync(path);
        await page.GetByText("新增核验终端").ClickAsync();
        await page.GetByLabel("终端名称", new() { Exact = true }).FillAsync(terminal);
        await page.GetByLabel("教育").CheckAsync();
        await page.Locator("#terminal-form").GetByRole(AriaRole.Button, new() { Name = "创建" }).ClickAsync();
        var shown = page.Locator("#terminal-key");
        await Assertions.Expect(shown).ToBeVisibleAsync();
        await Assertions.Expect(shown).ToContainTextAsync("只显示这一次");
        await Assertions.Expect(shown).ToContainTextAsync("离开本页后任何人都无法再查看");
        Assert.Matches(@"\S{16,}", await page.Locator("#terminal-key-value").InnerTextAsync());
        await AssertNoSecretsAsync(page);
        await AssertFitsAsync(page);
        await Screenshots.AssertReadableAsync(page);
        Violations.AddRange(await Accessibility.SeriousViolationsAsync(page));
        await Screenshots.SaveAsync(page, "page-" + name);
    }

    /// <summary>Nothing wider than the screen: on a phone a page scrolls down, never sideways.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{page.Url} is {overflow} px wider than the screen");
    }

    private async Task AssertNoSecretsAsync(IPage page)
    {
        var html = await page.ContentAsync();
        foreach (var secret in Secrets)
            Assert.False(html.Contains(secret, StringComparison.Ordinal), $"{page.Url} shows a secret it was given");
    }
}

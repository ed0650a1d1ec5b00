using System.Net.Http.Headers;
using Permit.Domain.Applications;
using Permit.Domain.Identity;
using Permit.Domain.Regions;
using Permit.Domain.Registrations;
using Permit.Domain.Residents;

namespace Permit.Web.Tests.Pages;

/// <summary>
/// The officer tasks that used to exist only in the API, done from the pages: a workplace change and a social-insurance
/// period from the resident's tasks page, a due-date extension from the supervisor's queue, the acceptance receipt from
/// the resident page, and a re-review answered from the re-review queue.
/// </summary>
public sealed class DeskTasksPageTests(Browser browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_officer_records_a_workplace_change_and_a_social_insurance_period_from_the_tasks_page()
    {
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        var applicationId = await PermitArrange.ApprovedApplicationAsync(host, 21, "周明");
        var residentId = await ResidentOfAsync(host, applicationId);
        var page = await browser.SignedInPageAsync(host, "li.registrar");

        await page.GotoAsync($"/desk/residents/{residentId}");
        await page.Locator("#resident-tasks").ClickAsync();
        await page.WaitForURLAsync($"**/desk/residents/{residentId}/tasks", new() { WaitUntil = WaitUntilState.Load });
        await page.Locator("#w-employer").FillAsync("宁波镇海新材料有限公司");
        await page.Locator("#w-evidence").FillAsync("劳动合同 LC-2");
        await page.Locator("#w-changed").FillAsync("2026-02-20");
        // The page reloads after each change: the next step waits for the reloaded page's load event, not only for its
        // response (a navigation started before the reload committed was interrupted by it in a full test run).
        var changed = await SubmitAndReloadAsync(page, "登记变更", "/workplace-changes");
        Assert.Equal(200, changed.Status);

        await page.Locator("#s-from").FillAsync("2025-08-01");
        await page.Locator("#s-until").FillAsync("2026-01-31");
        await page.Locator("#s-evidence").FillAsync("社保缴费证明 2026-017");
        var covered = await SubmitAndReloadAsync(page, "记录缴纳期间", "/social-insurance");
        Assert.Equal(201, covered.Status);

        await page.GotoAsync($"/desk/residents/{residentId}");
        await Assertions.Expect(page.Locator(".changes")).ToContainTextAsync("宁波镇海新材料有限公司");
        await using var db = host.NewContext();
        Assert.Equal(1, await db.SocialInsuranceCovers.IgnoreQueryFilters().AsNoTracking().CountAsync(c => c.ResidentId == residentId, Ct));
    }

    [Fact]
    public async Task A_bad_move_out_date_shows_a_chinese_error_and_the_registration_stays_active()
    {
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        var applicationId = await PermitArrange.ApprovedApplicationAsync(host, 22, "吴芳");
        var residentId = await ResidentOfAsync(host, applicationId);
        var page = await browser.SignedInPageAsync(host, "li.registrar");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await page.GotoAsync($"/desk/residents/{residentId}/tasks");
        // Before the registration began: the API refuses, the page says why in Chinese.
        await page.Locator("#m-date").FillAsync("2020-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "登记迁出" }).ClickAsync();

        var error = page.Locator("#move-out-form .result.error");
        await Assertions.Expect(error).ToBeVisibleAsync();
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", await error.InnerTextAsync());
        await using var db = host.NewContext();
        Assert.True(await db.ResidenceRegistrations.AsNoTracking().AnyAsync(g => g.ResidentId == residentId && g.Status == RegistrationStatus.Active, Ct));
    }

    [Fact]
    public async Task A_supervisor_extends_a_due_date_from_the_queue_with_a_reason_and_the_resident_page_prints_the_acceptance_receipt()
    {
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("wang.supervisor", OfficerRole.Supervisor, "王科长");
        var (applicationId, residentId) = await AcceptedApplicationAsync(host, 23, "郑强");
        var page = await browser.SignedInPageAsync(host, "wang.supervisor");

        await page.GotoAsync("/desk/queue");
        var row = page.Locator($"tr[data-application='{applicationId}']");
        await row.GetByText("延长办理期限").First.ClickAsync();
        await row.GetByLabel("延长理由").FillAsync("用人单位证明需向外地核实");
        await row.Locator("form[data-api$='/due-date-extension'] button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator($"tr[data-application='{applicationId}']")).ToContainTextAsync("（已延长）");
        await Assertions.Expect(page.Locator($"tr[data-application='{applicationId}']")).ToContainTextAsync("2026-03-31");

        await page.GotoAsync($"/desk/residents/{residentId}");
        var receipt = page.Locator("#acceptance-receipt");
        await Assertions.Expect(receipt).ToHaveTextAsync("打印受理回执");
        var pdf = await page.APIRequest.GetAsync((await receipt.GetAttributeAsync("href"))!);
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
    }

    [Fact]
    public async Task An_officer_rejects_a_re_review_with_a_reason_and_the_queue_shows_it_answered()
    {
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        var applicationId = await PermitArrange.ApprovedApplicationAsync(host, 24, "孙丽");
        using (var registrar = await host.BearerClientAsync("li.registrar"))
        {
            var (_, code) = await PermitArrange.ActivePermitAsync(registrar, applicationId);
            using var anonymous = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
            using var activated = await anonymous.PostAsJsonAsync("/api/self-service/activate",
                new { activationCode = code, userName = "sunli", password = PermitTestHost.Password }, Ct);
            activated.EnsureSuccessStatusCode();
            using var token = await anonymous.PostAsJsonAsync("/api/self-service/token", new { userName = "sunli", password = PermitTestHost.Password }, Ct);
            token.EnsureSuccessStatusCode();
            using var holder = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
            holder.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                (await token.Content.ReadFromJsonAsync<TokenView>(Ct))!.AccessToken);
            using var filed = await holder.PostAsJsonAsync("/api/self-service/points/reviews", new { reason = "我的社保月数少算了" }, Ct);
            filed.EnsureSuccessStatusCode();
        }
        var page = await browser.SignedInPageAsync(host, "li.registrar");

        await page.GotoAsync("/desk");
        await page.GetByRole(AriaRole.Link, new() { Name = "积分复核" }).ClickAsync();
        var review = page.Locator("section.review[data-status='pending']");
        await Assertions.Expect(review).ToContainTextAsync("我的社保月数少算了");
        await review.GetByText("不予采纳").First.ClickAsync();
        await review.GetByLabel("不予采纳的理由").FillAsync("社保局记录与已记入的月数一致");
        await review.Locator("form[data-api$='/reject'] button[type=submit]").ClickAsync();

        var answered = page.Locator("section.review[data-status='rejected']");
        await Assertions.Expect(answered).ToContainTextAsync("社保局记录与已记入的月数一致");
    }

    /// <summary>Clicks a task form's button and returns the API's answer once the page it reloads has loaded.</summary>
    private static async Task<IResponse> SubmitAndReloadAsync(IPage page, string button, string apiPathEnd)
    {
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLoad(object? sender, IPage loadedPage) => loaded.TrySetResult();
        page.Load += OnLoad;
        try
        {
            var answer = await page.RunAndWaitForResponseAsync(
                () => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync(), r => r.Url.EndsWith(apiPathEnd, StringComparison.Ordinal));
            await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
            return answer;
        }
        finally
        {
            page.Load -= OnLoad;
        }
    }

    private static async Task<Guid> ResidentOfAsync(PermitTestHost host, Guid applicationId)
    {
        await using var db = host.NewContext();
        return await db.PermitApplications.AsNoTracking().Where(a => a.Id == applicationId).Select(a => a.ResidentId).SingleAsync(Ct);
    }

    /// <summary>Accepted on 1 March 2026 (due 16 March; extended, 31 March), not yet decided.</summary>
    private static async Task<(Guid ApplicationId, Guid ResidentId)> AcceptedApplicationAsync(PermitTestHost host, int n, string name)
    {
        var acceptedOn = new DateOnly(2026, 3, 1);
        await using var db = host.NewContext();
        var resident = Resident.FromIdCard(new IdentityDetails(
            CitizenIdNumber.Parse(PermitArrange.IdNumber(n)), name, Sex.Male, EthnicGroup.Han, new DateOnly(1990, 1, 1), "北京市东城区东华门街道1号"));
        var registration = ResidenceRegistration.Declare(
            resident.Id, "浙江省宁波市镇海区骆驼街道中街1号", CommunityCode.Parse("330211003001"), PermitArrange.RegisteredOn, PermitArrange.RegisteredOn,
            ResidenceBasis.Employment, "劳动合同 LC-1", "宁波镇海某公司");
        var application = PermitApplication.Submit(resident.Id, registration, DistrictExemption.None, acceptedOn);
        application.AddDocument(DocumentKind.IdCard, "ID", acceptedOn);
        application.AddDocument(DocumentKind.Photo, "PHOTO", acceptedOn);
        application.AddDocument(DocumentKind.LabourContract, "LC-1", acceptedOn);
        application.Accept(acceptedOn);
        db.AddRange(resident, registration, application);
        await db.SaveChangesAsync(Ct);
        return (application.Id, resident.Id);
    }

    private sealed record TokenView(string AccessToken);
}

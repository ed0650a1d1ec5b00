namespace Permit.Web.Tests.Pages;

/// <summary>The permit holder on a phone: open the account with the receipt code, then ask for the yearly endorsement.</summary>
public sealed class HolderTests(Browser browser)
{
    [Fact]
    public async Task A_holder_activates_with_the_receipt_code_and_requests_the_endorsement_inside_the_window_on_a_phone()
    {
        await using var host = new PermitTestHost(PageHost.Options());
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        var application = await PermitArrange.ApprovedApplicationAsync(host, 1, "王芳");
        using var officer = await host.BearerClientAsync("li.registrar");
        var (number, code) = await PermitArrange.ActivePermitAsync(officer, application);
        var page = await browser.NewPageAsync(host.BaseUrl, Browser.Phone);

        await page.GotoAsync("/me");
        await page.GetByRole(AriaRole.Link, new() { Name = "第一次使用" }).ClickAsync();
        await page.GetByLabel("激活码").FillAsync(code);
        await page.GetByLabel("设置用户名").FillAsync("wangfang");
        await page.GetByLabel("设置密码").FillAsync("a good long password");
        await Screenshots.SaveAsync(page, "holder-1-activate");
        await page.GetByRole(AriaRole.Button, new() { Name = "开通" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("账户已开通");

        // Issued on 2 March 2026, valid to 1 March 2027: the window is the last four weeks, and 20 February 2027 is inside it.
        host.Time.SetUtcNow(new DateTimeOffset(2027, 2, 20, 2, 0, 0, TimeSpan.Zero));
        await page.GetByLabel("用户名").FillAsync("wangfang");
        await page.GetByLabel("密码").FillAsync("a good long password");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Assertions.Expect(page.Locator("#me-number")).ToHaveTextAsync(number);
        await Assertions.Expect(page.Locator("#me-window")).ToHaveTextAsync("2027-02-02 – 2027-03-01");
        // The e-permit QR is a picture that loaded, with its expiry in China's time (10:00 + 3 minutes).
        var qr = page.Locator("#qr-image img");
        await Assertions.Expect(qr).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#qr-expires")).ToHaveTextAsync("10:03:00");
        Assert.True(await qr.EvaluateAsync<int>("img => img.naturalWidth") > 0, "the QR image did not render");
        await Screenshots.SaveAsync(page, "holder-2-status");
        var request = page.GetByRole(AriaRole.Button, new() { Name = "申请签注" });
        await request.DblClickAsync();

        await Assertions.Expect(page.Locator("#endorsement-result")).ToContainTextAsync("签注成功，有效期延至 2028-03-01");
        await Assertions.Expect(page.Locator("#me-window")).ToHaveTextAsync("2028-02-02 – 2028-03-01");
        await Screenshots.AssertReadableAsync(page);
        await Screenshots.SaveAsync(page, "holder-3-endorsed");
        await using var db = host.NewContext();
        Assert.Single(db.ResidencePermits.Single().Endorsements);
    }
}

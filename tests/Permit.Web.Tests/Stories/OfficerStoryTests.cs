using Permit.Domain.Credentials;

namespace Permit.Web.Tests.Stories;

/// <summary>
/// The officer's whole story in the browser: the ID card on a permit-sim card read through the real agent and the private
/// pcscd fills the form, registration, the application with its missing documents, the supervisor's approval, issuance,
/// and the permit card written with each step shown.
/// </summary>
[Collection(CardReaders.Name)]
public sealed class OfficerStoryTests(Browser browser, PcscRigFixture pcsc)
{
    public static string IdNumber { get; } = "51010719850214002" + PermitFormats.Mod112CheckCharacter("51010719850214002");

    [Fact]
    public async Task From_the_id_card_on_the_reader_to_a_written_permit_card()
    {
        var rig = pcsc.Rig;
        var folder = Directory.CreateTempSubdirectory("permit-web-story-");
        var agentPort = AgentProcess.FreePort();
        await using var host = new PermitTestHost(PageHost.Options($"http://127.0.0.1:{agentPort}"));
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        await host.AddOfficerAsync("zhao.supervisor", OfficerRole.Supervisor, "赵科长");
        await using var agent = await AgentProcess.StartAsync(rig, host, agentPort);
        await using var idCard = await CardSlot.InsertAsync(rig, 0, Cards.IdCard(folder.FullName, "周晓燕", IdNumber));
        var blank = Cards.Blank(Path.Combine(folder.FullName, "card.json"));
        await using var permitCard = await CardSlot.InsertAsync(rig, 1, blank);

        // The registrar reads the ID card: the form fills in and the photo shows.
        var desk = await browser.NewPageAsync(host.BaseUrl);
        await desk.SignInAtDeskAsync("li.registrar");
        await desk.GetByRole(AriaRole.Button, new() { Name = "读取身份证" }).ClickAsync();
        await Assertions.Expect(desk.GetByLabel("姓名", new() { Exact = true })).ToHaveValueAsync("周晓燕");
        await Assertions.Expect(desk.Locator("#f-idNumber")).ToHaveValueAsync(IdNumber);
        await Assertions.Expect(desk.Locator("#id-photo")).ToBeVisibleAsync();
        await desk.GetByLabel("联系电话").FillAsync("13800000000");
        await Screenshots.SaveAsync(desk, "officer-1-id-card-read");
        await desk.GetByRole(AriaRole.Button, new() { Name = "登记居民" }).ClickAsync();
        await Assertions.Expect(desk.Locator("h1")).ToHaveTextAsync("周晓燕");
        // The ID card's photo is kept (sealed) and shown on the resident page, for comparing with the desk camera's.
        await Assertions.Expect(desk.Locator("#idcard-photo")).ToBeVisibleAsync();
        await Assertions.Expect(desk.Locator("#desk-photo-none")).ToBeVisibleAsync();

        // Residence registration, then the application: the missing documents are listed at once.
        await desk.GetByLabel("住址").FillAsync("浙江省宁波市镇海区骆驼街道中街8号");
        await desk.GetByLabel("社区代码").FillAsync("330211003001");
        await desk.GetByLabel("来到本地日期").FillAsync("2026-02-20");
        await desk.GetByLabel("证明材料").FillAsync("劳动合同 HT-2026-018");
        await desk.GetByLabel("用人单位或房东").FillAsync("宁波镇海某机械厂");
        await desk.GetByRole(AriaRole.Button, new() { Name = "办理居住登记" }).ClickAsync();
        await desk.GetByLabel("特殊人才类别").SelectOptionAsync("talent");
        await desk.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        var missing = desk.Locator("#missing-documents li");
        await Assertions.Expect(missing).ToHaveCountAsync(3);
        await Assertions.Expect(missing.Nth(2)).ToContainTextAsync("劳动合同或营业执照");
        await Screenshots.SaveAsync(desk, "officer-2-missing-documents");
        foreach (var document in new[] { "居民身份证", "照片", "劳动合同" })
            await desk.GetByLabel(document, new() { Exact = true }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "保存材料" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#missing-documents")).ToHaveTextAsync("材料齐全，可以受理。");
        await desk.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).DblClickAsync();
        await Assertions.Expect(desk.Locator("#application-status")).ToContainTextAsync("已受理");

        // The supervisor approves from the queue, issues the permit and writes the card.
        var supervisor = await browser.NewPageAsync(host.BaseUrl);
        await supervisor.SignInAtDeskAsync("zhao.supervisor");
        await supervisor.GotoAsync("/desk/queue");
        await Screenshots.SaveAsync(supervisor, "officer-3-queue");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#queue-empty")).ToBeVisibleAsync();
        await supervisor.GotoAsync(desk.Url);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "签发居住证" }).DblClickAsync();
        await Assertions.Expect(supervisor.Locator("#activation-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(".{6,}"));
        await Screenshots.SaveAsync(supervisor, "officer-4-issued-receipt-code");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "继续" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#permit-status")).ToHaveTextAsync("待制卡");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "写卡" }).ClickAsync();

        await Assertions.Expect(supervisor.Locator(".write-card .result")).ToContainTextAsync("写卡完成", new() { Timeout = 90_000 });
        await Assertions.Expect(supervisor.Locator(".steps li")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(supervisor.Locator(".steps")).ToContainTextAsync("启用卡片");
        await Screenshots.SaveAsync(supervisor, "officer-5-card-written");
        await Assertions.Expect(supervisor.Locator("#permit-status")).ToHaveTextAsync("有效");
        await Assertions.Expect(supervisor.Locator("#card-status")).ToContainTextAsync("已发卡");
        Assert.Equal(CardLifeCycle.Active, blank.LifeCycle);
        await Screenshots.AssertReadableAsync(supervisor);
        folder.Delete(recursive: true);
    }
}

namespace Permit.Web.Tests.Stories;

/// <summary>
/// The clinic's counter: the nurse taps the card on the reader (real agent, private pcscd) and reads one verdict —
/// eligible for a genuine card, not eligible once the permit is revoked, not genuine for a cloned chip.
/// </summary>
[Collection(CardReaders.Name)]
public sealed class CounterStoryTests(Browser browser, PcscRigFixture pcsc)
{
    [Fact]
    public async Task The_clinic_sees_eligible_for_a_genuine_card_not_eligible_after_revocation_and_not_genuine_for_a_clone()
    {
        var rig = pcsc.Rig;
        var folder = Directory.CreateTempSubdirectory("permit-web-counter-");
        var agentPort = AgentProcess.FreePort();
        await using var host = new PermitTestHost(PageHost.Options($"http://127.0.0.1:{agentPort}"));
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        await host.AddOfficerAsync("zhao.supervisor", OfficerRole.Supervisor, "赵科长");
        var clinicKey = await host.AddTerminalAsync("镇海区骆驼街道社区卫生服务中心", ServiceCategory.Health);
        using var registrar = await host.BearerClientAsync("li.registrar");
        var number = await PermitArrange.IssueAsync(registrar, await PermitArrange.ApprovedApplicationAsync(host, 3, "陈明"));
        var cardFile = Path.Combine(folder.FullName, "card.json");
        var card = Cards.Blank(cardFile);
        // The card is written at the registration desk (a desk agent); the counter's own agent, paired by the clinic's terminal, reads it.
        await using (var deskAgent = await AgentProcess.StartAsync(rig, host, AgentProcess.FreePort()))
        await using (await CardSlot.InsertAsync(rig, 1, card))
            await deskAgent.PersonalizeAsync(number);
        Assert.Equal(CardLifeCycle.Active, card.LifeCycle);

        await using var agent = await AgentProcess.StartAsync(rig, host, agentPort, terminalKey: clinicKey);
        var counter = await browser.NewPageAsync(host.BaseUrl);
        await counter.GotoAsync("/counter");
        await counter.GetByLabel("终端密钥").FillAsync(clinicKey);
        await counter.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(counter.GetByLabel("服务项目")).ToHaveValueAsync("basic-medical-care");

        // A genuine card.
        await using (await CardSlot.InsertAsync(rig, 1, PermitCard.Load(cardFile)))
            await TapAsync(counter);
        await Assertions.Expect(counter.Locator("#verdict-word")).ToHaveTextAsync("可以享受");
        await Assertions.Expect(counter.Locator("#verdict-name")).ToHaveTextAsync("陈明");
        await Screenshots.AssertReadableAsync(counter);
        await Screenshots.SaveAsync(counter, "counter-1-genuine");

        // A card whose chip was cloned: same files, another chip key.
        var clone = Cards.Clone(cardFile, Path.Combine(folder.FullName, "clone.json"));
        await using (await CardSlot.InsertAsync(rig, 1, clone))
            await TapAsync(counter);
        await Assertions.Expect(counter.Locator("#verdict-word")).ToHaveTextAsync("证件不真实");
        await Assertions.Expect(counter.Locator("#verdict-name")).ToHaveTextAsync("");
        await Screenshots.SaveAsync(counter, "counter-2-clone");

        // The permit revoked (false documents): the genuine card no longer opens the service.
        using var supervisor = await host.BearerClientAsync("zhao.supervisor");
        using (var revoked = await supervisor.PostAsJsonAsync($"/api/permits/{number}/revocation", new { finding = "劳动合同系伪造" }, TestContext.Current.CancellationToken))
            revoked.EnsureSuccessStatusCode();
        await using (await CardSlot.InsertAsync(rig, 1, PermitCard.Load(cardFile)))
            await TapAsync(counter);
        await Assertions.Expect(counter.Locator("#verdict-word")).ToHaveTextAsync("不能享受");
        await Assertions.Expect(counter.Locator("#verdict-reason")).Not.ToBeEmptyAsync();
        await Screenshots.SaveAsync(counter, "counter-3-revoked");
        folder.Delete(recursive: true);
    }

    private static async Task TapAsync(IPage counter)
    {
        await counter.GetByRole(AriaRole.Button, new() { Name = "读卡核验" }).ClickAsync();
        await Assertions.Expect(counter.Locator("#verdict")).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }
}

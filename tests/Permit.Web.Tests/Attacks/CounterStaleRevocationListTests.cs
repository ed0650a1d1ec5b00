namespace Permit.Web.Tests.Attacks;

/// <summary>
/// The attack: keep the counter PC off the network (or block its syncs) so it never learns of revocations, and present a
/// card there. Once the agent's revocation list is past its next-update plus the 24 h grace, the counter's offline
/// fallback answers "not eligible" (cannot confirm) instead of accepting; online, the register still answers.
/// Real HTTP, the real agent process, a private pcscd and Chromium.
/// </summary>
[Collection(CardReaders.Name)]
public sealed class CounterStaleRevocationListTests(Browser browser, PcscRigFixture pcsc)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Attack_revocation_list_past_the_grace_makes_the_counters_offline_fallback_refuse_the_card()
    {
        var rig = pcsc.Rig;
        var folder = Directory.CreateTempSubdirectory("permit-web-stale-list-");
        var counterAgentPort = AgentProcess.FreePort();
        await using var host = new PermitTestHost(PageHost.Options($"http://127.0.0.1:{counterAgentPort}"));
        // The API's clock is four days behind the agent's: every list it publishes is past its next-update (25 h) plus
        // the grace (24 h) by the time the agent, on the real clock, judges with it.
        host.Time.SetUtcNow(DateTimeOffset.UtcNow.AddDays(-4));
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        var clinicKey = await host.AddTerminalAsync("镇海区骆驼街道社区卫生服务中心", ServiceCategory.Health);
        using var registrar = await host.BearerClientAsync("li.registrar");
        var number = await PermitArrange.IssueAsync(registrar, await PermitArrange.ApprovedApplicationAsync(host, 6, "赵敏"));
        var cardFile = Path.Combine(folder.FullName, "card.json");
        await using (var officerAgent = await AgentProcess.StartAsync(rig, host, AgentProcess.FreePort()))
        {
            var card = Cards.Blank(cardFile);
            await using (await CardSlot.InsertAsync(rig, 1, card))
                await officerAgent.PersonalizeAsync(number);
            Assert.Equal(CardLifeCycle.Active, card.LifeCycle);
        }

        // The counter's own agent, paired by the clinic's terminal (whose page then gets its read-permit tickets).
        await using var counterAgent = await AgentProcess.StartAsync(rig, host, counterAgentPort, syncFromApi: true, terminalKey: clinicKey);
        var counter = await browser.NewPageAsync(host.BaseUrl);
        await counter.GotoAsync("/counter");
        await counter.GetByLabel("终端密钥").FillAsync(clinicKey);
        await counter.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(counter.GetByLabel("服务项目")).ToHaveValueAsync("basic-medical-care");

        // Online the live register answers: eligible.
        await TapAsync(counter, rig, cardFile);
        await Assertions.Expect(counter.Locator("#verdict-word")).ToHaveTextAsync("可以享受");
        await Assertions.Expect(counter.Locator("#verdict-mode")).ToBeHiddenAsync();

        // Offline the agent's list is too old to confirm anything: not eligible, and the page says why.
        await counter.RouteAsync($"{host.BaseUrl}/api/**", route => route.AbortAsync("connectionrefused"));
        await TapAsync(counter, rig, cardFile);
        await Assertions.Expect(counter.Locator("#verdict-word")).ToHaveTextAsync("不能享受");
        await Assertions.Expect(counter.Locator("#verdict-reason")).ToHaveTextAsync("本机的作废名单已过期，请尽快联网同步。");
        await Assertions.Expect(counter.Locator("#verdict-mode")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(counter, "counter-stale-list-offline");
        folder.Delete(recursive: true);
    }

    private static async Task TapAsync(IPage counter, PcscRig rig, string cardFile)
    {
        await using (await CardSlot.InsertAsync(rig, 1, PermitCard.Load(cardFile)))
        {
            await counter.GetByRole(AriaRole.Button, new() { Name = "读卡核验" }).ClickAsync();
            await Assertions.Expect(counter.Locator("#verdict")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }
    }
}

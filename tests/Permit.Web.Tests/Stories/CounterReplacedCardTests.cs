namespace Permit.Web.Tests.Stories;

/// <summary>
/// A card reported lost and replaced: its permit stays active, so only a check of this very card (permit number and
/// card sequence) tells the old card from the new one. At the clinic's counter the old card is refused and the new
/// one accepted, online by the register and, with the API unreachable, by the agent's synced revocation list; the
/// holder's phone QR is accepted online and, offline, by the agent.
/// </summary>
[Collection(CardReaders.Name)]
public sealed class CounterReplacedCardTests(Browser browser, PcscRigFixture pcsc)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_old_card_of_a_replaced_card_is_not_eligible_online_and_offline_while_the_new_card_and_the_phone_QR_are()
    {
        var rig = pcsc.Rig;
        var folder = Directory.CreateTempSubdirectory("permit-web-counter-replaced-");
        var counterAgentPort = AgentProcess.FreePort();
        await using var host = new PermitTestHost(PageHost.Options($"http://127.0.0.1:{counterAgentPort}"));
        // The agent checks with the real clock, and the phone QR lives three minutes: the API must issue it at the same time.
        if (DateTimeOffset.UtcNow > host.Time.GetUtcNow())
            host.Time.SetUtcNow(DateTimeOffset.UtcNow);
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        var clinicKey = await host.AddTerminalAsync("镇海区骆驼街道社区卫生服务中心", ServiceCategory.Health);
        using var registrar = await host.BearerClientAsync("li.registrar");
        var (number, activationCode) = await PermitArrange.IssuedAsync(registrar, await PermitArrange.ApprovedApplicationAsync(host, 5, "王芳"));

        // Card 1 written, reported lost, card 2 written: the officer's agent (not the counter's).
        var oldCardFile = Path.Combine(folder.FullName, "card-1.json");
        var newCardFile = Path.Combine(folder.FullName, "card-2.json");
        await using (var officerAgent = await AgentProcess.StartAsync(rig, host, AgentProcess.FreePort()))
        {
            await WriteCardAsync(officerAgent, host, rig, oldCardFile, number);
            using (var replaced = await registrar.PostAsync(new Uri($"/api/permits/{number}/cards/replacement", UriKind.Relative), null, Ct))
                Assert.True(replaced.IsSuccessStatusCode, await replaced.Content.ReadAsStringAsync(Ct));
            await WriteCardAsync(officerAgent, host, rig, newCardFile, number);
        }

        // The counter's agent syncs the trust and revocation lists from the API as it starts (card 1 is on the list now).
        await using var counterAgent = await AgentProcess.StartAsync(rig, host, counterAgentPort, syncFromApi: true, terminalKey: clinicKey);
        var qr = await PhoneQrAsync(host, activationCode);
        var counter = await browser.NewPageAsync(host.BaseUrl);
        await counter.GotoAsync("/counter");
        await counter.GetByLabel("终端密钥").FillAsync(clinicKey);
        await counter.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(counter.GetByLabel("服务项目")).ToHaveValueAsync("basic-medical-care");

        // Online: the register knows card 1 was replaced, although the permit itself is active.
        await TapAsync(counter, rig, oldCardFile);
        await ExpectVerdictAsync(counter, "不能享受", "此卡已作废（已挂失补领或被注销），不能使用。", offline: false);
        await Assertions.Expect(counter.Locator("#verdict-name")).ToHaveTextAsync("王芳");
        await Screenshots.SaveAsync(counter, "counter-replaced-1-old-card");

        await TapAsync(counter, rig, newCardFile);
        await ExpectVerdictAsync(counter, "可以享受", null, offline: false);
        await Assertions.Expect(counter.Locator("#verdict-name")).ToHaveTextAsync("王芳");

        await PasteQrAsync(counter, qr);
        await ExpectVerdictAsync(counter, "可以享受", null, offline: false);
        await Assertions.Expect(counter.Locator("#verdict-name")).ToHaveTextAsync("王芳");

        // The API unreachable from the counter's browser: the agent decides, and the page says so.
        await counter.RouteAsync($"{host.BaseUrl}/api/**", route => route.AbortAsync("connectionrefused"));
        await PasteQrAsync(counter, qr);
        await ExpectVerdictAsync(counter, "可以享受", "二维码真实有效（离线核验）。", offline: true);
        await Assertions.Expect(counter.Locator("#verdict-name")).ToHaveTextAsync("王芳");
        await Screenshots.SaveAsync(counter, "counter-replaced-2-qr-offline");

        await TapAsync(counter, rig, oldCardFile);
        await ExpectVerdictAsync(counter, "不能享受", "此卡已作废（已挂失补领或被注销），不能使用。", offline: true);

        await counter.GetByLabel("居住证号码").FillAsync(number);
        await counter.GetByRole(AriaRole.Button, new() { Name = "按号码核验" }).ClickAsync();
        await Assertions.Expect(counter.Locator("#counter-status")).ToContainTextAsync("按号码核验需要连接服务器");
        await Assertions.Expect(counter.Locator("#verdict")).ToBeHiddenAsync();
        folder.Delete(recursive: true);
    }

    /// <summary>A blank card in the permit slot, written by the agent with the permit's current ordered card.</summary>
    private static async Task WriteCardAsync(AgentProcess agent, PermitTestHost host, PcscRig rig, string cardFile, string number)
    {
        var card = Cards.Blank(cardFile);
        await using (await CardSlot.InsertAsync(rig, 1, card))
            await agent.PersonalizeAsync(number);
        Assert.Equal(CardLifeCycle.Active, card.LifeCycle);
    }

    /// <summary>The holder activates self-service with the receipt code and opens the e-permit QR on the phone.</summary>
    private static async Task<string> PhoneQrAsync(PermitTestHost host, string activationCode)
    {
        using var client = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        using (var activated = await client.PostAsJsonAsync("/api/self-service/activate",
            new { activationCode, userName = "wangfang", password = PermitTestHost.Password }, Ct))
            Assert.True(activated.IsSuccessStatusCode, await activated.Content.ReadAsStringAsync(Ct));
        using var token = await client.PostAsJsonAsync("/api/self-service/token", new { userName = "wangfang", password = PermitTestHost.Password }, Ct);
        token.EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<TokenView>(Ct))!.AccessToken);
        return (await client.GetFromJsonAsync<QrView>("/api/self-service/permit/qr", Ct))!.Text;
    }

    private static async Task TapAsync(IPage counter, PcscRig rig, string cardFile)
    {
        await using (await CardSlot.InsertAsync(rig, 1, PermitCard.Load(cardFile)))
        {
            await counter.GetByRole(AriaRole.Button, new() { Name = "读卡核验" }).ClickAsync();
            await Assertions.Expect(counter.Locator("#verdict")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }
    }

    private static async Task PasteQrAsync(IPage counter, string qr)
    {
        await counter.GetByLabel("扫描或粘贴二维码").FillAsync(qr);
        await counter.GetByRole(AriaRole.Button, new() { Name = "核验二维码" }).ClickAsync();
        await Assertions.Expect(counter.Locator("#verdict")).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    private static async Task ExpectVerdictAsync(IPage counter, string word, string? reason, bool offline)
    {
        await Assertions.Expect(counter.Locator("#verdict-word")).ToHaveTextAsync(word);
        if (reason is not null)
            await Assertions.Expect(counter.Locator("#verdict-reason")).ToHaveTextAsync(reason);
        else
            await Assertions.Expect(counter.Locator("#verdict-reason")).Not.ToBeEmptyAsync();
        if (offline)
            await Assertions.Expect(counter.Locator("#verdict-mode")).ToBeVisibleAsync();
        else
            await Assertions.Expect(counter.Locator("#verdict-mode")).ToBeHiddenAsync();
    }

    private sealed record TokenView(string AccessToken);

    private sealed record QrView(string Text);
}

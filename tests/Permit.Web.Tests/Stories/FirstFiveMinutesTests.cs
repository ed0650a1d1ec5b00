namespace Permit.Web.Tests.Stories;

/// <summary>
/// A newcomer's first five minutes, from the README's first command on a fresh database with no pcscd and no root: the
/// start-up block, the demo accounts, the two paired agents (a desk's and a clinic counter's), a quiet console, and the tour
/// from the ID card on the simulated desk reader to a
/// clinic's verdict on the card the desk wrote and the holder's phone page. (Tests of one class run one after another,
/// so the console count sees only its own requests.)
/// </summary>
[Collection(ReadmeCommand.Collection)]
public sealed class FirstFiveMinutesTests(Browser browser, ReadmeCommand demo)
{
    private static readonly string[] Roles = ["registrar", "supervisor", "admin", "registrar2", "clinic", "school", "holder"];

    [Fact]
    public async Task The_start_up_block_names_every_demo_account_each_one_signs_in_and_the_console_stays_under_50_lines()
    {
        _ = browser.Chromium; // skipped (or failed in CI) like every browser test when Chromium is missing
        var ct = TestContext.Current.CancellationToken;
        await Task.Delay(TimeSpan.FromSeconds(2), ct); // the tour may have run first: its last lines are not this test's
        var before = demo.Lines.Count;
        Assert.StartsWith("http://127.0.0.1:", demo.BaseUrl, StringComparison.Ordinal);
        Assert.Equal(Roles.Order(), demo.Accounts.Keys.Order());
        Assert.Contains("SIMULATED", demo.Block, StringComparison.Ordinal);
        Assert.NotEqual("", demo.DeskPanelUrl);
        Assert.NotEqual("", demo.CounterPanelUrl);
        var file = Path.Combine(demo.DataDirectory, "demo-accounts.txt");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        Assert.All(demo.Accounts.Values, a => Assert.Contains(a.Secret, File.ReadAllText(file), StringComparison.Ordinal));

        using var http = new HttpClient { BaseAddress = new Uri(demo.BaseUrl) };
        foreach (var officer in new[] { "registrar", "supervisor", "admin", "registrar2" })
        {
            var (login, password) = demo.Accounts[officer];
            using var signedIn = await http.PostAsJsonAsync("/api/auth/token", new { userName = login, password }, ct);
            Assert.True(signedIn.IsSuccessStatusCode, $"{officer} {login}: {signedIn.StatusCode}");
        }

        foreach (var terminal in new[] { "clinic", "school" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/terminals/me");
            request.Headers.Add("X-Api-Key", demo.Accounts[terminal].Secret);
            using var me = await http.SendAsync(request, ct);
            Assert.True(me.IsSuccessStatusCode, $"{terminal}: {me.StatusCode}");
        }

        // Both agents were paired with this API as a district pairs them: the desk's by an officer, the counter's by its terminal.
        using var local = new HttpClient();
        var deskAgent = await local.GetFromJsonAsync<JsonElement>(AgentUrl(demo.DeskPanelUrl) + "/health", ct);
        var counterAgent = await local.GetFromJsonAsync<JsonElement>(AgentUrl(demo.CounterPanelUrl) + "/health", ct);
        Assert.Equal(("desk", true), (deskAgent.GetProperty("kind").GetString(), deskAgent.GetProperty("simulated").GetBoolean()));
        Assert.Equal(("counter", true), (counterAgent.GetProperty("kind").GetString(), counterAgent.GetProperty("simulated").GetBoolean()));

        // No shortcut for the demo: the agents still want tickets, and the clinic gets none for the desk's agent.
        using (var unticketed = await local.PostAsJsonAsync(AgentUrl(demo.CounterPanelUrl) + "/permit-card/read", new { }, ct))
            Assert.Equal(HttpStatusCode.Unauthorized, unticketed.StatusCode);
        using (var ticket = new HttpRequestMessage(HttpMethod.Post, "/api/agent-tickets"))
        {
            ticket.Headers.Add("X-Api-Key", demo.Accounts["clinic"].Secret);
            ticket.Content = JsonContent.Create(new { agentId = deskAgent.GetProperty("agentId").GetString(), operation = "read-permit" });
            using var refused = await http.SendAsync(ticket, ct);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var holder = demo.Accounts["holder"];
        using (var holderSignIn = await http.PostAsJsonAsync("/api/self-service/token", new { userName = holder.Login, password = holder.Secret }, ct))
            Assert.True(holderSignIn.IsSuccessStatusCode, $"holder: {holderSignIn.StatusCode}");
        using (var wrong = await http.PostAsJsonAsync("/api/auth/token", new { userName = demo.Accounts["registrar"].Login, password = "not-the-password" }, ct))
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);

        // Start-up, then these ten requests: one line each at most, and no secret in any of them.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var all = demo.Lines;
        var lines = all.Where((l, i) => l.At <= demo.BlockPrintedAt || i >= before)
            .Where(l => !l.Line.StartsWith("stderr: ", StringComparison.Ordinal)).ToList();
        TestContext.Current.TestOutputHelper?.WriteLine($"{lines.Count} console lines from the start to the last sign-in");
        Assert.True(lines.Count < 50, $"{lines.Count} console lines:\n" + string.Join('\n', lines.Select(l => l.Line)));
        var logged = string.Join('\n', Directory.EnumerateFiles(Path.Combine(demo.DataDirectory, "logs")).Select(ReadShared));
        Assert.All(demo.Accounts.Values, a => Assert.DoesNotContain(a.Secret, logged, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_tour_goes_from_the_simulated_id_card_to_a_clinic_verdict_on_the_card_it_wrote_and_the_holders_phone()
    {
        var ct = TestContext.Current.CancellationToken;
        var (registrar, registrarPassword) = demo.Accounts["registrar"];
        var (supervisorLogin, supervisorPassword) = demo.Accounts["supervisor"];

        // The registrar reads the ID card on the simulated reader: the first demo person.
        var desk = await browser.NewPageAsync(demo.BaseUrl);
        await desk.SignInAtDeskAsync(registrar, registrarPassword);
        await desk.GetByRole(AriaRole.Button, new() { Name = "读取身份证" }).ClickAsync();
        await Assertions.Expect(desk.GetByLabel("姓名", new() { Exact = true })).ToHaveValueAsync("周晓燕");
        await desk.GetByLabel("联系电话").FillAsync("13800000000");
        await desk.GetByRole(AriaRole.Button, new() { Name = "登记居民" }).ClickAsync();
        await Assertions.Expect(desk.Locator("h1")).ToHaveTextAsync("周晓燕");

        // Registration and application, as the README's tour says.
        await desk.GetByLabel("住址").FillAsync("浙江省宁波市镇海区骆驼街道中街8号");
        await desk.GetByLabel("社区代码").FillAsync("330211003001");
        await desk.GetByLabel("来到本地日期").FillAsync(DateTime.Today.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await desk.GetByLabel("证明材料").FillAsync("劳动合同 HT-2026-018");
        await desk.GetByLabel("用人单位或房东").FillAsync("宁波镇海某机械厂");
        await desk.GetByRole(AriaRole.Button, new() { Name = "办理居住登记" }).ClickAsync();
        await desk.GetByLabel("特殊人才类别").SelectOptionAsync("talent");
        await desk.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#missing-documents li")).ToHaveCountAsync(3);
        foreach (var document in new[] { "居民身份证", "照片", "劳动合同" })
            await desk.GetByLabel(document, new() { Exact = true }).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "保存材料" }).ClickAsync();
        await Assertions.Expect(desk.Locator("#missing-documents")).ToHaveTextAsync("材料齐全，可以受理。");
        await desk.GetByRole(AriaRole.Button, new() { Name = "受理", Exact = true }).DblClickAsync();
        await Assertions.Expect(desk.Locator("#application-status")).ToContainTextAsync("已受理");

        // The supervisor approves this application among the seeded ones, issues the permit and writes the blank card.
        var supervisor = await browser.NewPageAsync(demo.BaseUrl);
        await supervisor.SignInAtDeskAsync(supervisorLogin, supervisorPassword);
        await supervisor.GotoAsync("/desk/queue");
        var row = supervisor.Locator("tr", new() { HasText = "周晓燕" });
        await row.GetByRole(AriaRole.Button, new() { Name = "批准" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("tr", new() { HasText = "周晓燕" })).ToHaveCountAsync(0);
        await supervisor.GotoAsync(desk.Url);
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "签发居住证" }).DblClickAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "继续" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#permit-status")).ToHaveTextAsync("待制卡");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "写卡" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator(".write-card .result")).ToContainTextAsync("写卡完成", new() { Timeout = 90_000 });
        await Assertions.Expect(supervisor.Locator("#permit-status")).ToHaveTextAsync("有效");

        // The card is pulled at the desk and carried to the clinic's counter, where it is tapped on the counter's reader.
        string carried;
        using (var panels = new HttpClient())
        {
            using var pulled = await panels.PostAsJsonAsync(demo.DeskPanelUrl + "/permit-card/pull", new { }, ct);
            Assert.True(pulled.IsSuccessStatusCode, await pulled.Content.ReadAsStringAsync(ct));
            carried = (await pulled.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("carriedCard").GetString()!;
            Assert.StartsWith("written-", carried, StringComparison.Ordinal);
            using var tappedHere = await panels.PostAsJsonAsync(demo.CounterPanelUrl + "/permit-card/holder", new { card = carried }, ct);
            Assert.True(tappedHere.IsSuccessStatusCode, await tappedHere.Content.ReadAsStringAsync(ct));
        }

        var counter = await browser.NewPageAsync(demo.BaseUrl);
        await counter.GotoAsync("/counter");
        await counter.GetByLabel("终端密钥").FillAsync(demo.Accounts["clinic"].Secret);
        await counter.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        // The counter page loaded, its script listening: a tap clicked while it still loaded did nothing (a full run once).
        await counter.WaitForURLAsync(url => !url.Contains("signin", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Load });
        await TapAsync(counter);
        await Assertions.Expect(counter.Locator("#verdict-word")).ToHaveTextAsync("可以享受");
        await Assertions.Expect(counter.Locator("#verdict-name")).ToHaveTextAsync("周晓燕");
        await Screenshots.SaveAsync(counter, "first-five-1-clinic-verdict");

        // The demo holder's written card from the counter's panel: the seed's card verifies the same way.
        using (var panel = new HttpClient())
        {
            using var tapped = await panel.PostAsJsonAsync(demo.CounterPanelUrl + "/permit-card/holder", new { card = demo.Accounts["holder"].Login }, ct);
            Assert.True(tapped.IsSuccessStatusCode, await tapped.Content.ReadAsStringAsync(ct));
        }

        await TapAsync(counter);
        await Assertions.Expect(counter.Locator("#verdict-word")).ToHaveTextAsync("可以享受");
        await Assertions.Expect(counter.Locator("#verdict-name")).ToHaveTextAsync("林小雨");

        // The holder's phone page.
        var (holder, holderPassword) = demo.Accounts["holder"];
        var phone = await browser.NewPageAsync(demo.BaseUrl, Browser.Phone);
        await phone.GotoAsync("/me");
        await phone.GetByLabel("用户名").FillAsync(holder);
        await phone.GetByLabel("密码").FillAsync(holderPassword);
        await phone.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(phone.Locator("#me-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^330211\\d{12}$"));
        await Screenshots.SaveAsync(phone, "first-five-2-holder-phone");
    }

    private static async Task TapAsync(IPage counter)
    {
        await counter.GetByRole(AriaRole.Button, new() { Name = "读卡核验" }).ClickAsync();
        await Assertions.Expect(counter.Locator("#verdict")).ToBeVisibleAsync(new() { Timeout = 60_000 });
    }

    private static string AgentUrl(string panelUrl) => panelUrl[..^"/simulated".Length];

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

namespace Permit.Web.Tests.Stories;

/// <summary>
/// The clinic's counter checks a holder who shows an ID card, not the permit card: the counter's agent (real process,
/// private pcscd) reads the ID card and seals the number for the API; the nurse sees the verdict and the name, and the
/// ID number is never on the page nor in any answer the page received.
/// </summary>
[Collection(CardReaders.Name)]
public sealed class CounterIdCardTests(Browser browser, PcscRigFixture pcsc)
{
    [Fact]
    public async Task The_clinic_scans_an_id_card_and_sees_the_verdict_without_ever_holding_the_id_number()
    {
        var rig = pcsc.Rig;
        var folder = Directory.CreateTempSubdirectory("permit-web-counter-id-");
        var agentPort = AgentProcess.FreePort();
        await using var host = new PermitTestHost(PageHost.Options($"http://127.0.0.1:{agentPort}"));
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        var clinicKey = await host.AddTerminalAsync("镇海区骆驼街道社区卫生服务中心", ServiceCategory.Health);
        using var registrar = await host.BearerClientAsync("li.registrar");
        var idNumber = PermitArrange.IdNumber(5);
        await PermitArrange.ActivePermitAsync(registrar, await PermitArrange.ApprovedApplicationAsync(host, 5, "周晓燕"));

        await using var agent = await AgentProcess.StartAsync(rig, host, agentPort, terminalKey: clinicKey);
        var counter = await browser.NewPageAsync(host.BaseUrl);
        var received = new List<string>();
        counter.Response += async (_, response) =>
        {
            try
            {
                received.Add(await response.TextAsync());
            }
            catch (PlaywrightException)
            {
                // A redirect or a page navigation has no body to read.
            }
        };
        await counter.GotoAsync("/counter");
        await counter.GetByLabel("终端密钥").FillAsync(clinicKey);
        await counter.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(counter.GetByLabel("服务项目")).ToHaveValueAsync("basic-medical-care");

        await using (await CardSlot.InsertAsync(rig, 0, Cards.IdCard(folder.FullName, "周晓燕", idNumber)))
        {
            await counter.GetByRole(AriaRole.Button, new() { Name = "读身份证核验" }).ClickAsync();
            await Assertions.Expect(counter.Locator("#verdict")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        }

        await Assertions.Expect(counter.Locator("#verdict-word")).ToHaveTextAsync("可以享受");
        await Assertions.Expect(counter.Locator("#verdict-name")).ToHaveTextAsync("周晓燕");
        await Screenshots.SaveAsync(counter, "counter-4-id-card");
        Assert.DoesNotContain(idNumber, await counter.ContentAsync(), StringComparison.Ordinal);
        Assert.NotEmpty(received);
        Assert.All(received, body => Assert.DoesNotContain(idNumber, body, StringComparison.Ordinal));
        folder.Delete(recursive: true);
    }
}

using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Permit.Api.Security.Accounts;
using Permit.Domain.Entitlements;
using Permit.HardwareSim.PermitCards;
using Permit.TestRig;
using Permit.Web.Tests.Support;

namespace Permit.Web.Tests.Stories;

/// <summary>
/// The holder's face from the desk camera to the counter: Chromium's fake camera gives the desk a frame, the API keeps it
/// as the permit photo (refusing a text file and a tiny picture on the way), the card is written with it, and the clinic
/// sees that face after tapping the card and after typing the number. The written card is then read with raw APDUs:
/// EF.PHOTO's SHA-256 is EF.SIG's H2.
/// </summary>
[Collection(CardReaders.Name)]
public sealed class PhotoStoryTests(Browser browser, PcscRigFixture pcsc)
{
    [Fact]
    public async Task The_officer_takes_the_photo_the_card_carries_it_and_the_counter_sees_the_face()
    {
        var rig = pcsc.Rig;
        var folder = Directory.CreateTempSubdirectory("permit-web-photo-");
        var agentPort = AgentProcess.FreePort();
        await using var host = new PermitTestHost(PageHost.Options($"http://127.0.0.1:{agentPort}"));
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        var clinicKey = await host.AddTerminalAsync("镇海区骆驼街道社区卫生服务中心", ServiceCategory.Health);
        using var registrar = await host.BearerClientAsync("li.registrar");
        var applicationId = await Arrange.ApprovedApplicationAsync(host, 5, "王芳");
        var number = await Arrange.IssueAsync(registrar, applicationId);
        Guid residentId;
        await using (var db = host.NewContext())
            residentId = await db.PermitApplications.Where(a => a.Id == applicationId).Select(a => a.ResidentId).SingleAsync(TestContext.Current.CancellationToken);
        var cardFile = Path.Combine(folder.FullName, "card.json");
        var card = Cards.Blank(cardFile);

        await using (var deskAgent = await AgentProcess.StartAsync(rig, host, agentPort))
        await using (await CardSlot.InsertAsync(rig, 1, card))
        {
            var desk = await browser.NewPageAsync(host.BaseUrl);
            await SignInAsync(desk, "li.registrar");
            await desk.GotoAsync($"/desk/residents/{residentId}");
            var result = desk.Locator("#photo-result");

            // A text file and a picture far too small are refused in words, and nothing is kept.
            await desk.Locator("#photo-upload").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "not a photo"u8.ToArray() });
            await Assertions.Expect(result).ToContainTextAsync("这不是照片");
            await desk.Locator("#photo-upload").SetInputFilesAsync(new FilePayload { Name = "small.jpg", MimeType = "image/jpeg", Buffer = Cards.Portrait() });
            await Assertions.Expect(result).ToContainTextAsync("照片太小");
            await Assertions.Expect(desk.Locator("#desk-photo-none")).ToBeVisibleAsync();

            // The desk camera (Chromium's fake device).
            await desk.GetByRole(AriaRole.Button, new() { Name = "打开摄像头" }).ClickAsync();
            await Assertions.Expect(desk.GetByRole(AriaRole.Button, new() { Name = "拍照" })).ToBeEnabledAsync();
            await desk.GetByRole(AriaRole.Button, new() { Name = "拍照" }).ClickAsync();
            await Assertions.Expect(result).ToContainTextAsync("照片已保存（第 1 版）");
            await Assertions.Expect(desk.Locator("#desk-photo")).ToBeVisibleAsync();
            Assert.Equal(358, await NaturalWidthAsync(desk.Locator("#desk-photo")));
            await Screenshots.SaveAsync(desk, "photo-1-taken");

            await desk.GetByRole(AriaRole.Button, new() { Name = "写卡" }).ClickAsync();
            await Assertions.Expect(desk.Locator(".write-card .result")).ToContainTextAsync("写卡完成", new() { Timeout = 90_000 });
        }

        Assert.Equal(CardLifeCycle.Active, card.LifeCycle);
        AssertPhotoHashIsH2(PermitCard.Load(cardFile));

        await using var agent = await AgentProcess.StartAsync(rig, host, agentPort, terminalKey: clinicKey);
        var counter = await browser.NewPageAsync(host.BaseUrl);
        await counter.GotoAsync("/counter");
        await counter.GetByLabel("终端密钥").FillAsync(clinicKey);
        await counter.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(counter.GetByLabel("服务项目")).ToHaveValueAsync("basic-medical-care");
        var photo = counter.Locator("#verdict-photo");

        // Tapped: the chip's own photo, shown because PA and AA passed.
        await using (await CardSlot.InsertAsync(rig, 1, PermitCard.Load(cardFile)))
        {
            await counter.GetByRole(AriaRole.Button, new() { Name = "读卡核验" }).ClickAsync();
            await Assertions.Expect(counter.Locator("#verdict-word")).ToHaveTextAsync("可以享受", new() { Timeout = 30_000 });
            // Checked while the card lies on the reader: the page also reads a card on its own when one is put down,
            // and a card lifted during that second read ends it with "card removed" instead of a verdict.
            await Assertions.Expect(photo).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(photo).ToHaveAttributeAsync("data-source", "chip");
            Assert.InRange(await NaturalWidthAsync(photo), 100, 358);
            await Screenshots.SaveAsync(counter, "photo-2-counter-card");
        }

        // Typed number: the register's photo through a link made for this terminal.
        await counter.GetByLabel("居住证号码").FillAsync(number);
        await counter.GetByRole(AriaRole.Button, new() { Name = "按号码核验" }).ClickAsync();
        await Assertions.Expect(photo).ToHaveAttributeAsync("data-source", "register");
        Assert.Equal(358, await NaturalWidthAsync(photo));
        folder.Delete(recursive: true);
    }

    /// <summary>The independent check, with nothing of Permit's own code: raw APDUs, a hand-parsed EF.SIG.</summary>
    private static void AssertPhotoHashIsH2(PermitCard card)
    {
        Send(card, "00A4040008F05045524D49540100");
        Send(card, "00A4020C020102");
        var photoFile = ReadWhole(card);
        Send(card, "00A4020C020104");
        var sig = ReadWhole(card);

        Assert.Equal([0x5F, 0x2E, 0x82], photoFile[..3]);
        var length = (photoFile[3] << 8) | photoFile[4];
        var jpeg = photoFile.AsSpan(5, length);
        Assert.True(jpeg is [0xFF, 0xD8, .., 0xFF, 0xD9], "EF.PHOTO holds a whole JPEG");
        Assert.InRange(length, 1000, 12 * 1024);
        var h2At = sig.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x94, 0x20]);
        Assert.True(h2At > 0);
        Assert.Equal(SHA256.HashData(photoFile.AsSpan(0, 5 + length)), sig.AsSpan(h2At + 2, 32).ToArray());
    }

    /// <summary>The picture's width once the browser has decoded it (0 while it loads or when it failed).</summary>
    private static async Task<int> NaturalWidthAsync(ILocator image)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await image.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") is > 0 and var width)
                return width;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return 0;
    }

    private static byte[] ReadWhole(PermitCard card)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var answer = card.Process([0x00, 0xB0, (byte)(bytes.Count >> 8), (byte)bytes.Count, 0x00]);
            var sw = (answer[^2] << 8) | answer[^1];
            bytes.AddRange(answer[..^2]);
            if (sw is 0x6B00 or 0x6282 || answer.Length - 2 < 256)
                return [.. bytes];
            Assert.Equal(0x9000, sw);
        }
    }

    private static void Send(PermitCard card, string hex)
    {
        var answer = card.Process(Convert.FromHexString(hex));
        Assert.Equal([0x90, 0x00], answer[^2..]);
    }

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(PermitTestHost.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("办证窗口");
    }
}

using System.Security.Cryptography;
using Permit.Api.Features.Photos;
using Microsoft.Extensions.DependencyInjection;
using Permit.Logging;
using Serilog.Core;
using SkiaSharp;

namespace Permit.Web.Tests.Stories;

/// <summary>
/// The holder's face from the desk camera to the counter: Chromium's fake camera gives the desk a frame, the API keeps it
/// as the permit photo (refusing a text file and a tiny picture on the way), the card is written with it, and the clinic
/// sees that very face after tapping the card, after typing the number and after scanning the holder's ID card. The
/// written card is then read with raw APDUs: EF.PHOTO's SHA-256 is EF.SIG's H2. Last, the whole story's logs (the API's
/// and both agents') are searched for the photo and the ID number.
/// </summary>
[Collection(CardReaders.Name)]
public sealed class PhotoStoryTests(Browser browser, PcscRigFixture pcsc)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_officer_takes_the_photo_the_card_carries_it_the_counter_sees_that_face_and_no_log_line_holds_the_photo_or_the_id_number()
    {
        var rig = pcsc.Rig;
        var folder = Directory.CreateTempSubdirectory("permit-web-photo-");
        var agentPort = AgentProcess.FreePort();
        var apiLog = new CapturedLog();
        await using var host = new PermitTestHost(PageHost.Options($"http://127.0.0.1:{agentPort}") with
        {
            // The API's log as its file would hold it, behind the same masking sink (the file itself is off in tests).
            Services = services => services.AddSingleton<ILogEventSink>(new MaskingSink(apiLog)),
        });
        await host.AddOfficerAsync("li.registrar", OfficerRole.Registrar, "李警官");
        var clinicKey = await host.AddTerminalAsync("镇海区骆驼街道社区卫生服务中心", ServiceCategory.Health);
        using var registrar = await host.BearerClientAsync("li.registrar");
        var applicationId = await PermitArrange.ApprovedApplicationAsync(host, 5, "王芳");
        var idNumber = PermitArrange.IdNumber(5);
        var number = await PermitArrange.IssueAsync(registrar, applicationId);
        Guid residentId;
        await using (var db = host.NewContext())
            residentId = await db.PermitApplications.Where(a => a.Id == applicationId).Select(a => a.ResidentId).SingleAsync(Ct);
        var cardFile = Path.Combine(folder.FullName, "card.json");
        var card = Cards.Blank(cardFile);
        var links = new List<string>();
        string deskAgentLog;

        await using (var deskAgent = await AgentProcess.StartAsync(rig, host, agentPort))
        await using (await CardSlot.InsertAsync(rig, 1, card))
        {
            var desk = await browser.NewPageAsync(host.BaseUrl);
            await desk.SignInAtDeskAsync("li.registrar");
            await desk.GotoAsync($"/desk/residents/{residentId}");
            var result = desk.Locator("#photo-result");

            // A text file and a picture far too small are refused in words, and nothing is kept.
            await desk.Locator("#photo-upload").SetInputFilesAsync(new FilePayload { Name = "notes.txt", MimeType = "text/plain", Buffer = "not a photo"u8.ToArray() });
            await Assertions.Expect(result).ToContainTextAsync("这不是照片");
            await desk.Locator("#photo-upload").SetInputFilesAsync(new FilePayload { Name = "small.jpg", MimeType = "image/jpeg", Buffer = Cards.Portrait() });
            await Assertions.Expect(result).ToContainTextAsync("照片太小");
            await Assertions.Expect(desk.Locator("#desk-photo-none")).ToBeVisibleAsync();
            await using (var db = host.NewContext())
                Assert.False(await db.Set<ResidentPhoto>().AnyAsync(p => p.ResidentId == residentId, Ct));

            // The desk camera (Chromium's fake device).
            await desk.GetByRole(AriaRole.Button, new() { Name = "打开摄像头" }).ClickAsync();
            await Assertions.Expect(desk.GetByRole(AriaRole.Button, new() { Name = "拍照" })).ToBeEnabledAsync();
            await desk.GetByRole(AriaRole.Button, new() { Name = "拍照" }).ClickAsync();
            await Assertions.Expect(result).ToContainTextAsync("照片已保存（第 1 版）");
            await Assertions.Expect(desk.Locator("#desk-photo")).ToBeVisibleAsync();
            Assert.Equal(358, await NaturalWidthAsync(desk.Locator("#desk-photo")));
            links.Add((await desk.Locator("#desk-photo").GetAttributeAsync("src"))!);
            await Screenshots.SaveAsync(desk, "photo-1-taken");

            await desk.GetByRole(AriaRole.Button, new() { Name = "写卡" }).ClickAsync();
            await Assertions.Expect(desk.Locator(".write-card .result")).ToContainTextAsync("写卡完成", new() { Timeout = 90_000 });
            deskAgentLog = deskAgent.LogText();
        }

        Assert.Equal(CardLifeCycle.Active, card.LifeCycle);
        var chipJpeg = AssertPhotoHashIsH2(PermitCard.Load(cardFile));
        byte[] taken;
        await using (var db = host.NewContext())
            taken = (await PhotoStore.HolderPhotoAsync(db, residentId, Ct))!;
        // The chip carries the photo taken, re-encoded to fit: the same face, not merely some picture.
        Assert.InRange(Difference(taken, chipJpeg), 0, SameFace);
        Assert.True(Difference(Cards.Portrait(), chipJpeg) > SameFace, "the comparison tells another face apart");

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
            await Assertions.Expect(counter.Locator("#verdict-word")).ToHaveTextAsync("可以享受", new() { Timeout = 60_000 });
            // Checked while the card lies on the reader: the page also reads a card on its own when one is put down,
            // and a card lifted during that second read ends it with "card removed" instead of a verdict.
            await Assertions.Expect(photo).ToBeVisibleAsync(new() { Timeout = 60_000 });
            await Assertions.Expect(photo).ToHaveAttributeAsync("data-source", "chip");
            Assert.InRange(await NaturalWidthAsync(photo), 100, 358);
            Assert.Equal(chipJpeg, await ShownBytesAsync(photo));
            await Screenshots.SaveAsync(counter, "photo-2-counter-card");
        }

        // Typed number: the register's photo through a link made for this terminal; the very photo taken at the desk.
        await counter.GetByLabel("居住证号码").FillAsync(number);
        await counter.GetByRole(AriaRole.Button, new() { Name = "按号码核验" }).ClickAsync();
        await Assertions.Expect(photo).ToHaveAttributeAsync("data-source", "register");
        Assert.Equal(358, await NaturalWidthAsync(photo));
        Assert.Equal(taken, await ShownBytesAsync(photo));
        var byNumber = (await photo.GetAttributeAsync("src"))!;
        links.Add(byNumber);

        // Scanned ID card: the same face from the register. A second later the new answer's link differs from the
        // number lookup's, so the picture checked below is the ID card lookup's own.
        host.Time.Advance(TimeSpan.FromSeconds(1));
        await using (await CardSlot.InsertAsync(rig, 0, Cards.IdCard(folder.FullName, "王芳", idNumber)))
        {
            await counter.GetByRole(AriaRole.Button, new() { Name = "读身份证核验" }).ClickAsync();
            await Assertions.Expect(photo).Not.ToHaveAttributeAsync("src", byNumber, new() { Timeout = 60_000 });
        }

        await Assertions.Expect(counter.Locator("#verdict-word")).ToHaveTextAsync("可以享受");
        await Assertions.Expect(counter.Locator("#verdict-name")).ToHaveTextAsync("王芳");
        await Assertions.Expect(photo).ToHaveAttributeAsync("data-source", "register");
        Assert.Equal(358, await NaturalWidthAsync(photo));
        Assert.Equal(taken, await ShownBytesAsync(photo));
        links.Add((await photo.GetAttributeAsync("src"))!);
        await Screenshots.SaveAsync(counter, "photo-3-counter-id-card");

        // The whole story's logs: the API's (as its file and console have them) and both agents' (console and file).
        var logs = new Dictionary<string, string>
        {
            ["API"] = await SettledApiLogAsync(apiLog),
            ["desk agent"] = deskAgentLog,
            ["counter agent"] = agent.LogText(),
        };
        Assert.Contains("/api/photos/********", logs["API"], StringComparison.Ordinal);
        foreach (var (who, log) in logs)
        {
            Assert.False(log.Contains(idNumber, StringComparison.Ordinal), $"the {who}'s log holds the ID number");
            foreach (var image in new[] { taken, chipJpeg, Cards.Portrait() })
            {
                Assert.False(HoldsPicture(log, image), $"the {who}'s log holds a photo");
            }

            foreach (var link in links)
                Assert.False(log.Contains(link[PhotoLinks.RoutePrefix.Length..], StringComparison.Ordinal), $"the {who}'s log holds a photo link");
        }

        folder.Delete(recursive: true);
    }

    /// <summary>A re-encoded copy of one picture differs from it by a few levels on average; another picture by far more.</summary>
    private const double SameFace = 12;

    /// <summary>
    /// The mean absolute difference (0–255) of two pictures' colour values once both are scaled down to 36 × 44 pixels.
    /// </summary>
    private static double Difference(byte[] first, byte[] second)
    {
        using var a = Scaled(first);
        using var b = Scaled(second);
        double sum = 0;
        for (var x = 0; x < a.Width; x++)
        {
            for (var y = 0; y < a.Height; y++)
            {
                var (p, q) = (a.GetPixel(x, y), b.GetPixel(x, y));
                sum += Math.Abs(p.Red - q.Red) + Math.Abs(p.Green - q.Green) + Math.Abs(p.Blue - q.Blue);
            }
        }

        return sum / (a.Width * a.Height * 3);
    }

    private static SKBitmap Scaled(byte[] image)
    {
        using var decoded = SKBitmap.Decode(image) ?? throw new InvalidOperationException("not a picture");
        return decoded.Resize(new SKImageInfo(36, 44), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear))
            ?? throw new InvalidOperationException("the picture could not be scaled");
    }

    /// <summary>Whether a log holds the picture in any usual spelling: base64 (its start or middle) or hex.</summary>
    private static bool HoldsPicture(string log, byte[] image)
    {
        var middle = image.AsSpan(image.Length / 2, 24);
        return log.Contains(Convert.ToBase64String(image)[8..40], StringComparison.Ordinal)
            || log.Contains(Convert.ToBase64String(middle)[..28], StringComparison.Ordinal)
            || log.Contains(Convert.ToHexString(middle), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The API's log once the last request's line is written (request lines are written as requests end).</summary>
    private static async Task<string> SettledApiLogAsync(CapturedLog log)
    {
        var before = log.Text;
        for (var i = 0; i < 20; i++)
        {
            await Task.Delay(250, Ct);
            var now = log.Text;
            if (now.Length == before.Length)
                return now;
            before = now;
        }

        return before;
    }

    /// <summary>The bytes behind the picture the page shows: its data: URL, or its photo link fetched as the page would.</summary>
    private static async Task<byte[]> ShownBytesAsync(ILocator image)
    {
        var source = await image.GetAttributeAsync("src") ?? "";
        const string chip = "data:image/jpeg;base64,";
        if (source.StartsWith(chip, StringComparison.Ordinal))
            return Convert.FromBase64String(source[chip.Length..]);
        return Convert.FromBase64String(await image.EvaluateAsync<string>("""
            async img => {
              const bytes = new Uint8Array(await (await fetch(img.currentSrc)).arrayBuffer());
              let text = '';
              for (const b of bytes) text += String.fromCharCode(b);
              return btoa(text);
            }
            """));
    }

    /// <summary>The independent check, with nothing of Permit's own code: raw APDUs, a hand-parsed EF.SIG.</summary>
    private static byte[] AssertPhotoHashIsH2(PermitCard card)
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
        return jpeg.ToArray();
    }

    /// <summary>The picture's width once the browser has decoded it (0 while it loads or when it failed).</summary>
    private static async Task<int> NaturalWidthAsync(ILocator image)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await image.EvaluateAsync<int>("img => img.complete ? img.naturalWidth : 0") is > 0 and var width)
                return width;
            await Task.Delay(100, Ct);
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
}

using System.Diagnostics;

namespace Permit.Documents.Tests.Qr;

/// <summary>
/// A reader that shares no code with ZXing (zbar, as in Debian's zbar-tools) must read our pictures to the
/// same text: a symbol that only its own encoder's sibling decoder accepts would fail verifiers in the field.
/// </summary>
public sealed class ZbarCrossCheckTests
{
    [Fact]
    public async Task Zbarimg_reads_the_credential_png_to_the_same_text()
    {
        var text = Samples.CredentialText(seed: 45);
        var path = Samples.Keep("qr-zbar.png", QrImage.ToPng(text, moduleSize: 4));

        Assert.Equal(text, await Zbarimg(path));
    }

    [Fact]
    public async Task Zbarimg_reads_the_QR_on_the_card_face_and_on_the_receipt()
    {
        var face = Samples.CardFace(Samples.PhotoJpeg());
        var receipt = Samples.Receipt() with { QrText = Samples.CredentialText(seed: 9) };

        var card = Samples.Keep("card-face-zbar.png", CardFaceRenderer.RenderPng(face));
        var slip = Samples.Keep("receipt-zbar.png", IssuanceReceiptRenderer.RenderPng(receipt));

        Assert.Equal(face.QrText, await Zbarimg(card));
        Assert.Equal(receipt.QrText, await Zbarimg(slip));
    }

    /// <summary>Runs zbarimg on an image; FAILS under CI=true when it is missing (CI installs zbar-tools), skips elsewhere.</summary>
    private static async Task<string> Zbarimg(string imagePath)
    {
        var zbarimg = FindOnPath("zbarimg");
        if (zbarimg is null)
        {
            const string reason = "zbarimg is not installed (Debian package zbar-tools: apt-get install -y zbar-tools).";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail(reason);
            Assert.Skip(reason);
        }

        var start = new ProcessStartInfo(zbarimg, ["--quiet", "--raw", imagePath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, $"zbarimg exited with {process.ExitCode}: {await errors}");
        return (await output).TrimEnd('\n');
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}

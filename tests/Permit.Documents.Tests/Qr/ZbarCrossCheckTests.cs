using System.Diagnostics;
using Permit.Documents.Qr;
using Permit.Documents.Tests.TestSupport;

namespace Permit.Documents.Tests.Qr;

/// <summary>
/// A reader that shares no code with ZXing (zbar, as in Debian's zbar-tools) must read our PNG to the same
/// text: a symbol that only its own encoder's sibling decoder accepts would fail verifiers in the field.
/// </summary>
public sealed class ZbarCrossCheckTests
{
    [Fact]
    public async Task Zbarimg_reads_the_credential_png_to_the_same_text()
    {
        var zbarimg = FindOnPath("zbarimg");
        if (zbarimg is null)
        {
            const string reason = "zbarimg is not installed (Debian package zbar-tools: apt-get install -y zbar-tools).";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail(reason);
            Assert.Skip(reason);
        }

        var text = Samples.CredentialText(seed: 45);
        var path = Samples.Keep("qr-zbar.png", QrImage.ToPng(text, moduleSize: 4));

        var start = new ProcessStartInfo(zbarimg, ["--quiet", "--raw", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(text, output.TrimEnd('\n'));
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}

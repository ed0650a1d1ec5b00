using System.Diagnostics;
using Permit.TestRig;

namespace Permit.Api.Tests.Features.Credentials;

/// <summary>
/// The e-permit QR the API hands out, checked by tools/qr-verify/verify.py: a verifier written from the spec alone in
/// Python (its own Base45, CBOR and COSE Sig_structure; ECDSA by the openssl command line), sharing no code with ours.
/// </summary>
public sealed class IndependentQrVerifierTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_API_s_QR_verifies_independently_and_a_tampered_or_foreign_one_is_refused()
    {
        var python = Requirements.FindOnPath("python3");
        Requirements.Require(python is null ? "python3 is not installed" : Requirements.FindOnPath("openssl") is null ? "openssl is not installed" : null);
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var card = await CredentialArrange.IssuedCardAsync(host, officer);
        using var holder = host.Migrant(card.ResidentId);
        var qr = (await holder.GetFromJsonAsync<JsonElement>("/api/self-service/permit/qr", Ct)).GetProperty("text").GetString()!;
        var trust = Path.GetTempFileName();
        await File.WriteAllBytesAsync(trust, await host.CreateClient().GetByteArrayAsync(new Uri("/api/trust-list", UriKind.Relative), Ct), Ct);
        var root = TrustList.VerifiedTrustList.RootPublicKeyFile(host.Services);
        var now = host.Time.GetUtcNow().ToUnixTimeSeconds();
        // One Base45 character changed in the middle: the deflated bytes, and so the claims or signature, differ.
        var middle = qr.Length / 2;
        var tampered = qr[..middle] + (qr[middle] == '0' ? '1' : '0') + qr[(middle + 1)..];

        try
        {
            var genuine = await VerifyAsync(python!, root, trust, now, qr);
            var damaged = await VerifyAsync(python!, root, trust, now, tampered);
            var stale = await VerifyAsync(python!, root, trust, now + 600, qr);

            Assert.True(genuine.GetProperty("valid").GetBoolean(), genuine.ToString());
            Assert.Equal(card.Number, genuine.GetProperty("claims").GetProperty("pn").GetString());
            Assert.False(damaged.GetProperty("valid").GetBoolean());
            Assert.Equal("stale", stale.GetProperty("reason").GetString());
        }
        finally
        {
            File.Delete(trust);
        }
    }

    private static async Task<JsonElement> VerifyAsync(string python, string root, string trust, long now, string qr)
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "qr-verify", "verify.py");
        var start = new ProcessStartInfo(python, [script, "--trust-root", root, "--trust-list", trust, "--now", now.ToString(System.Globalization.CultureInfo.InvariantCulture), qr])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode is 0 or 1, $"verify.py exited {process.ExitCode}: {await process.StandardError.ReadToEndAsync(Ct)}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Permit.sln")))
            directory = directory.Parent;
        // Build output may live outside the repository (PERMIT_ARTIFACTS): fall back to the source file's location.
        return directory?.FullName ?? Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "..", ".."));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

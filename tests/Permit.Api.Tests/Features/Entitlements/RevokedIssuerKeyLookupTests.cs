using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Permit.Api.Features.Entitlements;
using Permit.Api.Keys;
using Permit.Api.Keys.Trust;
using Permit.Api.Security.Terminals;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Qr;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;
using Permit.Domain.Entitlements;
using static Permit.Api.Tests.Features.Entitlements.EntitlementArrange;

namespace Permit.Api.Tests.Features.Entitlements;

/// <summary>
/// The attack: an issuer key is stolen and the thief signs cards and QR codes. Once the root signs a trust list marking
/// the key revoked and the API is given it, everything that key signed is refused online as <c>issuer-key-revoked</c>.
/// </summary>
public sealed class RevokedIssuerKeyLookupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Attack_cards_and_QR_codes_signed_by_a_revoked_issuer_key_are_refused_online_as_issuer_key_revoked()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        var apiKey = school.DefaultRequestHeaders.GetValues(ApiKey.HeaderName).Single();
        var ring = host.Services.GetRequiredService<IssuerKeyRing>();
        var qr = QrCredential.IssueForPhone(holder.Files.Permit, host.Time.GetUtcNow(), TimeSpan.FromMinutes(5), ring.ActiveSigner);
        var folder = Directory.CreateTempSubdirectory("permit-revoked-key-").FullName;
        using var root = ECDsa.Create(ECCurve.NamedCurves.nistP256);   // TEST KEY: the trust root
        var rootFile = Path.Combine(folder, "trust-root.test.pub.pem");
        var listFile = Path.Combine(folder, "trust-list.cose");
        await File.WriteAllTextAsync(rootFile, root.ExportSubjectPublicKeyInfoPem(), Ct);
        var revoked = TrustListBuilder.FromRing(ring, ["330211"], new HashSet<string> { ring.Active.KeyId });
        await File.WriteAllBytesAsync(listFile, TrustListCodec.Sign(new SignedTrustList(2, host.Time.GetUtcNow(), revoked), new EcdsaIssuerSigner(root)), Ct);

        await using var revokedHost = host.WithWebHostBuilder(b =>
        {
            b.UseSetting("Trust:ListFile", listFile);
            b.UseSetting("Trust:RootPublicKeyFile", rootFile);
        });
        using var terminal = revokedHost.CreateClient();
        terminal.DefaultRequestHeaders.Add(ApiKey.HeaderName, apiKey);
        var before = await LookUpAsync(school, "/api/entitlements/lookups/qr", new { qr, service = "compulsory-education" });
        var byQr = await LookUpAsync(terminal, "/api/entitlements/lookups/qr", new { qr, service = "compulsory-education" });
        var byCard = await LookUpAsync(terminal, "/api/entitlements/lookups/card", CardRead(holder, await ServerChallengeAsync(terminal)));

        Assert.True(before.Eligible);
        Assert.Equal((false, false, "issuer-key-revoked"), (byQr.Eligible, byQr.Credential.Genuine, byQr.Credential.RefusalReason));
        Assert.Equal((false, false, "issuer-key-revoked"), (byCard.Eligible, byCard.Credential.Genuine, byCard.Credential.RefusalReason));
        Assert.Null(byQr.Holder);
        Assert.Null(byCard.Holder);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<EntitlementAnswer> LookUpAsync(HttpClient terminal, string path, object body)
    {
        using var response = await terminal.PostAsJsonAsync(path, body, Ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<EntitlementAnswer>(Ct))!;
    }

    /// <summary>The register's own single-use challenge, as the counter page fetches it before each tap.</summary>
    private static async Task<byte[]> ServerChallengeAsync(HttpClient terminal)
    {
        using var response = await terminal.PostAsJsonAsync("/api/card-challenges", new { }, Ct);
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(Ct);
        return Convert.FromBase64String(answer.GetProperty("challenge").GetString()!);
    }

    private static object CardRead(Holder holder, byte[] challenge)
    {
        return new
        {
            service = "compulsory-education",
            files = new { permit = holder.Files.PermitFile, photo = holder.Files.PhotoFile, chipKey = holder.Files.ChipKeyFile, signature = holder.Files.SignatureFile },
            verdict = new { genuine = true, checks = new[] { new { check = "chip-signature", outcome = "passed" } } },
            chip = new { challenge = Convert.ToBase64String(challenge), response = Convert.ToBase64String(holder.Chip.Answer(challenge)) },
        };
    }
}

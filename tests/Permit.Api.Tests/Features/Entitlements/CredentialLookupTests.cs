using System.Security.Cryptography;
using Permit.Api.Features.Entitlements;
using Permit.Api.Keys;
using Permit.Api.Tests.Features.Personalization;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Qr;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Entitlements;
using static Permit.Api.Tests.Features.Entitlements.EntitlementArrange;

namespace Permit.Api.Tests.Features.Entitlements;

/// <summary>Lookups by QR and by a card the agent read: the server judges the credential itself.</summary>
public sealed class CredentialLookupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(HttpStatusCode Status, EntitlementAnswer? Answer)> ByQrAsync(HttpClient terminal, string qr, string service = "compulsory-education")
    {
        using var response = await terminal.PostAsJsonAsync("/api/entitlements/lookups/qr", new { qr, service }, Ct);
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<EntitlementAnswer>(Ct) : null);
    }

    /// <summary>What the counter page posts: the card's files and its chip's answer to a challenge the terminal fetched.</summary>
    private static async Task<object> CardReadAsync(HttpClient terminal, Holder holder, string? permitFile = null, Func<byte[], byte[]>? chip = null)
    {
        var challenge = await CardHandshake.ChallengeAsync(terminal);
        return CardRead(holder, challenge, (chip ?? holder.Chip.Answer)(challenge), permitFile);
    }

    private static object CardRead(Holder holder, byte[] challenge, byte[] response, string? permitFile = null) => new
    {
        service = "compulsory-education",
        files = new { permit = permitFile ?? holder.Files.PermitFile, photo = holder.Files.PhotoFile, chipKey = holder.Files.ChipKeyFile, signature = holder.Files.SignatureFile },
        verdict = new { genuine = true, checks = new[] { new { check = "chip-signature", outcome = "passed" } } },
        chip = new { challenge = Convert.ToBase64String(challenge), response = Convert.ToBase64String(response) },
    };

    private static async Task<(HttpStatusCode Status, EntitlementAnswer? Answer)> ByCardAsync(HttpClient terminal, object read)
    {
        using var response = await terminal.PostAsJsonAsync("/api/entitlements/lookups/card", read, Ct);
        return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<EntitlementAnswer>(Ct) : null);
    }

    [Fact]
    public async Task A_genuine_QR_of_an_active_holder_is_eligible_and_names_the_holder()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        var signer = host.Services.GetRequiredService<IssuerKeyRing>().ActiveSigner;
        var qr = QrCredential.IssueForPhone(holder.Files.Permit, host.Time.GetUtcNow(), TimeSpan.FromMinutes(5), signer);

        var (status, answer) = await ByQrAsync(school, qr);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(answer!.Eligible);
        Assert.Equal(("qr", true, (string?)null), (answer.Credential.Presented, answer.Credential.Genuine, answer.Credential.RefusalReason));
        Assert.Equal("张伟", answer.Holder!.Name);
        Assert.Contains(answer.Credential.Checks, c => c is { Check: "issuer-signature", Outcome: "passed" });
        Assert.Contains(answer.Credential.Checks, c => c is { Check: "live-status", Outcome: "passed" });
    }

    [Fact]
    public async Task A_QR_from_another_issuer_or_with_a_forged_signature_is_not_genuine_and_shows_no_one()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var claims = QrClaims.ForPermit(holder.Files.Permit, host.Time.GetUtcNow());
        var otherIssuer = QrCredential.Issue(claims, new EcdsaIssuerSigner(otherKey));
        var ourKeyId = host.Services.GetRequiredService<IssuerKeyRing>().ActiveSigner.KeyId;
        var forged = QrCredential.Issue(claims, new ImpostorSigner(ourKeyId, otherKey));

        var (_, fromOther) = await ByQrAsync(school, otherIssuer);
        var (_, fromForger) = await ByQrAsync(school, forged);
        var (_, garbage) = await ByQrAsync(school, "RP1:NOT-A-CREDENTIAL");

        Assert.Equal((false, LookupReasons.CredentialNotGenuine, false, "unknown-key"),
            (fromOther!.Eligible, fromOther.ReasonCode, fromOther.Credential.Genuine, fromOther.Credential.RefusalReason));
        Assert.Equal((false, LookupReasons.CredentialNotGenuine, "bad-signature"),
            (fromForger!.Eligible, fromForger.ReasonCode, fromForger.Credential.RefusalReason));
        Assert.Equal("malformed", garbage!.Credential.RefusalReason);
        Assert.All(new[] { fromOther, fromForger, garbage }, a => Assert.Null(a.Holder));
    }

    [Fact]
    public async Task A_stale_phone_QR_of_an_entitled_holder_cannot_be_used()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        var signer = host.Services.GetRequiredService<IssuerKeyRing>().ActiveSigner;
        var qr = QrCredential.IssueForPhone(holder.Files.Permit, host.Time.GetUtcNow(), TimeSpan.FromMinutes(5), signer);
        host.Time.Advance(TimeSpan.FromMinutes(10));

        var (_, answer) = await ByQrAsync(school, qr);

        Assert.Equal((false, LookupReasons.CredentialRefused, true, "stale"),
            (answer!.Eligible, answer.ReasonCode, answer.Credential.Genuine, answer.Credential.RefusalReason));
    }

    [Fact]
    public async Task A_genuine_card_answering_the_servers_challenge_is_eligible()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);

        var (status, answer) = await ByCardAsync(school, await CardReadAsync(school, holder));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal((true, "card", true), (answer!.Eligible, answer.Credential.Presented, answer.Credential.Genuine));
        Assert.Equal(AgentCardRead.ServerChallenge, answer.Credential.ChipAuthentication);
        Assert.Contains(answer.Credential.Checks, c => c is { Check: "file-hashes", Outcome: "passed" });
        Assert.Contains(answer.Credential.Checks, c => c is { Check: "chip-key-binding", Outcome: "passed" });
    }

    [Fact]
    public async Task A_card_whose_chip_cannot_answer_or_whose_files_were_altered_is_not_genuine()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        var permitFile = Convert.FromBase64String(holder.Files.PermitFile);
        permitFile[^1] ^= 0x01;
        using var copyist = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var (_, cloned) = await ByCardAsync(school, await CardReadAsync(school, holder, chip: c => ActiveAuthentication.Sign(copyist, c)));
        var (_, altered) = await ByCardAsync(school, await CardReadAsync(school, holder, permitFile: Convert.ToBase64String(permitFile)));

        Assert.Equal((false, LookupReasons.CredentialNotGenuine, "clone-suspected"), (cloned!.Eligible, cloned.ReasonCode, cloned.Credential.RefusalReason));
        Assert.Equal((false, LookupReasons.CredentialNotGenuine), (altered!.Eligible, altered.ReasonCode));
        Assert.NotNull(altered.Credential.RefusalReason);
        Assert.Null(cloned.Holder);
        Assert.Null(altered.Holder);
    }

    [Fact]
    public async Task The_old_card_of_an_exchange_is_refused_though_the_holder_is_entitled()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var holder = await ActiveHolderAsync(host, officer, 0);
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);
        using (var exchange = await officer.PostAsync(new Uri($"/api/permits/{holder.Number}/cards/exchange", UriKind.Relative), null, Ct))
            exchange.EnsureSuccessStatusCode();

        var (_, answer) = await ByCardAsync(school, await CardReadAsync(school, holder));

        Assert.Equal((false, LookupReasons.CredentialRefused, "revoked"), (answer!.Eligible, answer.ReasonCode, answer.Credential.RefusalReason));
    }

    [Fact]
    public async Task A_card_read_that_is_not_base64_or_misses_files_is_a_validation_problem()
    {
        await using var host = new PermitTestHost();
        using var school = await TerminalAsync(host, "school", ServiceCategory.Education);

        using var response = await school.PostAsJsonAsync("/api/entitlements/lookups/card",
            new { service = "compulsory-education", files = new { permit = "***", chipKey = "AAAA" }, verdict = new { genuine = true } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("files.permit", body, StringComparison.Ordinal);
        Assert.Contains("files.signature", body, StringComparison.Ordinal);
    }

    /// <summary>Claims our key id but signs with another key: a forger who knows our public key id.</summary>
    private sealed class ImpostorSigner(ReadOnlyMemory<byte> keyId, ECDsa key) : IIssuerSigner
    {
        public ReadOnlyMemory<byte> KeyId => keyId;

        public byte[] Sign(ReadOnlySpan<byte> data) => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}

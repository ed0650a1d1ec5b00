using Permit.Api.Keys;
using Permit.Documents.Qr;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Verification;

namespace Permit.Api.Tests.Features.Credentials;

/// <summary>
/// What the holder and the desk get on paper and on screen: the phone's dynamic QR, the card face and the receipt, each
/// carrying a QR credential that verifies against the published keys.
/// </summary>
public sealed class PermitDocumentsApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_holder_gets_a_QR_that_verifies_and_goes_stale_a_few_minutes_later()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var card = await CredentialArrange.IssuedCardAsync(host, officer);
        using var holder = host.Migrant(card.ResidentId);

        var qr = await holder.GetFromJsonAsync<QrView>("/api/self-service/permit/qr", Ct);

        var now = host.Time.GetUtcNow();
        Assert.Equal(card.Number, qr!.PermitNumber);
        Assert.Equal(now.AddMinutes(3), qr.ExpiresAt);
        Assert.True(Verify(host, qr.Text, now).Accepted);
        Assert.Equal("stale", Verify(host, qr.Text, now.AddMinutes(3).AddSeconds(1)).ReasonCode);
    }

    [Fact]
    public async Task The_QR_picture_decodes_to_a_credential_that_verifies_and_the_SVG_is_an_SVG()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var card = await CredentialArrange.IssuedCardAsync(host, officer);
        using var holder = host.Migrant(card.ResidentId);

        using var png = await holder.GetAsync(new Uri("/api/self-service/permit/qr?format=png", UriKind.Relative), Ct);
        var svg = await holder.GetStringAsync(new Uri("/api/self-service/permit/qr?format=svg", UriKind.Relative), Ct);
        var read = QrReader.ReadImage(await png.Content.ReadAsByteArrayAsync(Ct));

        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.True(read.IsDecoded, read.Message);
        Assert.True(Verify(host, read.Text!, host.Time.GetUtcNow()).Accepted);
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_holder_without_an_active_permit_gets_no_QR_and_a_bad_format_is_a_400()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var (residentId, _, applicationId) = (await PermitArrange.ApprovedApplicationsAsync(host, 1))[0];
        await PermitArrange.IssueAsync(officer, applicationId);
        using var holder = host.Migrant(residentId);

        using var pending = await holder.GetAsync(new Uri("/api/self-service/permit/qr", UriKind.Relative), Ct);
        using var badFormat = await holder.GetAsync(new Uri("/api/self-service/permit/qr?format=gif", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.Contains("permit-not-in-force", await pending.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }

    [Fact]
    public async Task The_card_face_comes_as_PNG_or_PDF()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var card = await CredentialArrange.IssuedCardAsync(host, officer);

        var png = await officer.GetByteArrayAsync(new Uri($"/api/permits/{card.Number}/card-face", UriKind.Relative), Ct);
        var pdf = await officer.GetByteArrayAsync(new Uri($"/api/permits/{card.Number}/card-face?format=pdf", UriKind.Relative), Ct);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.True(QrReader.ReadImage(png).IsDecoded);
    }

    [Fact]
    public async Task The_receipt_prints_the_issuance_code_which_then_still_activates_the_account()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var card = await CredentialArrange.IssuedCardAsync(host, officer);

        using var receipt = await officer.PostAsJsonAsync($"/api/permits/{card.Number}/receipt", new { activationCode = card.ActivationCode }, Ct);
        using var wrongCode = await officer.PostAsJsonAsync($"/api/permits/{card.Number}/receipt", new { activationCode = "WRONG-CODE" }, Ct);
        using var activation = await Activate(host, card.ActivationCode);

        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, wrongCode.StatusCode);
        Assert.True(activation.IsSuccessStatusCode, await activation.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task A_reprint_without_the_code_issues_a_fresh_one_and_the_old_code_stops_working()
    {
        await using var host = new PermitTestHost();
        using var officer = host.Officer();
        var card = await CredentialArrange.IssuedCardAsync(host, officer);

        using var reprint = await officer.PostAsync(new Uri($"/api/permits/{card.Number}/receipt", UriKind.Relative), null, Ct);
        using var oldCode = await Activate(host, card.ActivationCode);

        Assert.Equal(HttpStatusCode.OK, reprint.StatusCode);
        Assert.False(oldCode.IsSuccessStatusCode);
    }

    private static async Task<HttpResponseMessage> Activate(PermitTestHost host, string code)
    {
        using var anonymous = host.CreateClient();
        return await anonymous.PostAsJsonAsync("/api/self-service/activate",
            new { activationCode = code, userName = "holder-" + Guid.NewGuid().ToString("N")[..8], password = "a-long-test-password-2026" }, Ct);
    }

    private static CredentialVerdict Verify(PermitTestHost host, string text, DateTimeOffset now) =>
        CredentialVerifier.VerifyQr(text, host.Services.GetRequiredService<IssuerKeyRing>().ToTrustList(), new RevocationKnowledge(null, LivePermitStatus.Active), now);

    private sealed record QrView(string Text, string PermitNumber, int CardSequence, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);
}

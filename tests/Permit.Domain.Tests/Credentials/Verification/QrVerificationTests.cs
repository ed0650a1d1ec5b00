using Permit.Domain.Credentials.Qr;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Verification;
using Permit.Domain.Tests.Credentials.Qr;

namespace Permit.Domain.Tests.Credentials.Verification;

public class QrVerificationTests
{
    private static readonly RevocationList EmptyList = new(1, Examples.Now.AddDays(-1), Examples.Now.AddDays(6), []);

    private static string Issue(DateTimeOffset? expiresAt = null, IIssuerSigner? issuer = null) =>
        QrCredential.Issue(QrClaims.ForPermit(Examples.Permit, Examples.Now, expiresAt), issuer ?? TestKeys.Issuer);

    private static CredentialVerdict Verify(string text, RevocationList? list = null, DateTimeOffset? now = null, LivePermitStatus? live = null) =>
        CredentialVerifier.VerifyQr(text, TestKeys.TrustsIssuer(), new RevocationKnowledge(list ?? EmptyList, live), now ?? Examples.Now);

    [Fact]
    public void A_genuine_printed_QR_is_accepted()
    {
        var verdict = Verify(Issue());

        Assert.True(verdict.Accepted);
        Assert.Equal("110105********002X", verdict.QrClaims!.MaskedIdNumber);
        Assert.Equal(CheckOutcome.NotApplicable, verdict[VerificationCheck.ChipSignature].Outcome);
        Assert.Equal(CheckOutcome.NotApplicable, verdict[VerificationCheck.QrFreshness].Outcome);
    }

    [Fact]
    public void A_dynamic_QR_is_accepted_until_its_exp_and_stale_after()
    {
        var text = Issue(expiresAt: Examples.Now.AddMinutes(3));

        Assert.True(Verify(text, now: Examples.Now.AddMinutes(3)).Accepted);
        var verdict = Verify(text, now: Examples.Now.AddMinutes(3).AddSeconds(1));

        Assert.Equal("stale", verdict.ReasonCode);
        Assert.Equal(CheckOutcome.Failed, verdict[VerificationCheck.QrFreshness].Outcome);
    }

    [Fact]
    public void A_phone_QR_is_stale_once_its_few_minutes_are_over()
    {
        var text = QrCredential.IssueForPhone(Examples.Permit, Examples.Now, TimeSpan.FromMinutes(2), TestKeys.Issuer);

        Assert.True(Verify(text, now: Examples.Now.AddSeconds(90)).Accepted);
        Assert.Equal("stale", Verify(text, now: Examples.Now.AddMinutes(5)).ReasonCode);
    }

    [Fact]
    public void A_truncated_QR_is_refused_as_malformed() =>
        Assert.Equal("malformed", Verify(Issue()[..^7]).ReasonCode);

    [Fact]
    public void A_QR_from_another_issuer_is_refused_as_unknown_key() =>
        Assert.Equal("unknown-key", Verify(Issue(issuer: TestKeys.OtherIssuer)).ReasonCode);

    [Fact]
    public void Tampered_claims_are_refused_as_bad_signature()
    {
        var (p, u, payload, sig) = QrWire.Split(QrWire.Unpack(Issue()));
        var claims = QrWire.ExampleClaims().Select(c => c.Item1 == "vu" ? ("vu", (object)"20401231") : c).ToArray();
        Assert.NotEqual(payload, QrWire.ClaimsMap(claims));

        var verdict = Verify(QrWire.Pack(QrWire.Join(p, u, QrWire.ClaimsMap(claims), sig)));

        Assert.Equal("bad-signature", verdict.ReasonCode);
        Assert.Null(verdict.QrClaims);
    }

    [Fact]
    public void A_QR_signed_by_another_key_under_the_trusted_key_id_is_refused_as_bad_signature()
    {
        var impostor = new ImpostorSigner(TestKeys.Issuer.KeyId, TestKeys.OtherIssuer);

        Assert.Equal("bad-signature", Verify(Issue(issuer: impostor)).ReasonCode);
    }

    [Fact]
    public void A_QR_past_valid_until_in_China_is_refused_as_expired() =>
        Assert.Equal("expired", Verify(Issue(), now: new DateTimeOffset(2031, 1, 14, 16, 0, 0, TimeSpan.Zero)).ReasonCode);

    [Fact]
    public void A_QR_for_a_revoked_card_is_refused_as_revoked()
    {
        var list = new RevocationList(2, Examples.Now.AddDays(-1), Examples.Now.AddDays(6), [new RevokedCard("330211202600000015", 1)]);

        Assert.Equal("revoked", Verify(Issue(), list).ReasonCode);
    }

    [Fact]
    public void A_QR_for_a_suspended_permit_is_refused_as_suspended_when_the_live_status_is_known() =>
        Assert.Equal("suspended", Verify(Issue(), live: LivePermitStatus.Suspended).ReasonCode);

    [Fact]
    public void A_QR_checked_against_a_list_just_past_its_next_update_is_accepted_with_a_warning()
    {
        var stale = new RevocationList(1, Examples.Now.AddDays(-9), Examples.Now.AddHours(-2), []);

        var verdict = Verify(Issue(), stale);

        Assert.True(verdict.Accepted);
        Assert.Equal(["revocation-data-stale"], verdict.Warnings);
    }

    [Fact]
    public void A_QR_checked_against_a_list_past_the_grace_cannot_be_confirmed()
    {
        var stale = new RevocationList(1, Examples.Now.AddDays(-9), Examples.Now.AddDays(-2), []);

        var verdict = Verify(Issue(), stale);

        Assert.False(verdict.Accepted);
        Assert.Equal("revocation-data-stale", verdict.ReasonCode);
        Assert.NotNull(verdict.QrClaims);
    }

    [Fact]
    public void The_online_permit_number_path_refuses_suspended_and_revoked_and_accepts_active()
    {
        var record = new LivePermitRecord("330211202600000015", 1, new DateOnly(2031, 1, 14), LivePermitStatus.Active);

        Assert.True(CredentialVerifier.VerifyOnline(record, Examples.Now).Accepted);
        Assert.Empty(CredentialVerifier.VerifyOnline(record, Examples.Now).Warnings);
        Assert.Equal("suspended", CredentialVerifier.VerifyOnline(record with { Status = LivePermitStatus.Suspended }, Examples.Now).ReasonCode);
        Assert.Equal("revoked", CredentialVerifier.VerifyOnline(record with { Status = LivePermitStatus.Revoked }, Examples.Now).ReasonCode);
        Assert.Equal("malformed", CredentialVerifier.VerifyOnline(record with { PermitNumber = "330211202600000016" }, Examples.Now).ReasonCode);
        Assert.Equal("expired", CredentialVerifier.VerifyOnline(record with { ValidUntil = new DateOnly(2026, 2, 28) }, Examples.Now).ReasonCode);
    }

    /// <summary>Signs with one key while claiming another key's id.</summary>
    private sealed class ImpostorSigner(ReadOnlyMemory<byte> claimedKeyId, IIssuerSigner realSigner) : IIssuerSigner
    {
        public ReadOnlyMemory<byte> KeyId { get; } = claimedKeyId;

        public byte[] Sign(ReadOnlySpan<byte> data) => realSigner.Sign(data);
    }
}

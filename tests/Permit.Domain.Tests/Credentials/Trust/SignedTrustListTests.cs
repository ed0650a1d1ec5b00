using System.Formats.Cbor;
using System.Security.Cryptography;
using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Qr;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Trust;
using Permit.Domain.Credentials.Verification;

namespace Permit.Domain.Tests.Credentials.Trust;

/// <summary>
/// The root-signed trust list (docs/trust-list.md) and what it means for verdicts. Every key below is TEST MATERIAL,
/// made for this test run only.
/// </summary>
public sealed class SignedTrustListTests : IDisposable
{
    private readonly ECDsa _root = ECDsa.Create(ECCurve.NamedCurves.nistP256);         // TEST KEY: the trust root
    private readonly ECDsa _haishu = ECDsa.Create(ECCurve.NamedCurves.nistP256);       // TEST KEY: another district's issuer

    private TrustedIssuerKey Root => TrustRoot.FromKey(_root);

    private static TrustedIssuerKey Zhenhai(TrustedKeyStatus status = TrustedKeyStatus.Active, DateTimeOffset? notAfter = null)
    {
        using var key = TestKeys.Load(TestKeys.IssuerPem);
        return TrustedIssuerKey.FromKey(key, "Zhenhai 2026").WithPolicy(status, Examples.Now.AddYears(-1), notAfter, ["330211"]);
    }

    private TrustedIssuerKey Haishu() => TrustedIssuerKey.FromKey(_haishu, "Haishu 2026").WithPolicy(TrustedKeyStatus.Active, Examples.Now.AddYears(-1), null, ["330203"]);

    private byte[] Signed(long version, params TrustedIssuerKey[] keys) =>
        TrustListCodec.Sign(new SignedTrustList(version, Examples.Now.AddHours(-1), new TrustList(keys)), new EcdsaIssuerSigner(_root));

    private TrustList Verified(byte[] bytes) => TrustListCodec.Read(bytes, Root, Examples.Now).List!.Keys;

    private static RevocationKnowledge Current => new(new RevocationList(1, Examples.Now.AddDays(-1), Examples.Now.AddDays(1), []));

    [Fact]
    public void A_list_signed_by_the_root_round_trips_every_field_and_writes_keys_in_deterministic_order()
    {
        var bytes = Signed(7, Zhenhai(notAfter: Examples.Now.AddYears(1)), Haishu());

        var read = TrustListCodec.Read(bytes, Root, Examples.Now);

        Assert.True(read.IsValid, read.Error);
        Assert.Equal(7, read.List!.Version);
        Assert.True(read.List.Keys.TryFind(Convert.FromHexString(TestKeys.IssuerKeyIdHex), out var zhenhai));
        Assert.Equal(["330211"], zhenhai.Regions);
        Assert.Equal(Examples.Now.AddYears(1), zhenhai.NotAfter);
        var payload = CoseSign1.Parse(bytes).Payload;
        var reader = new CborReader(payload, CborConformanceMode.Canonical);   // Canonical refuses unsorted keys
        reader.ReadStartMap();
        Assert.Equal("v", reader.ReadTextString());
        reader.SkipValue();
        Assert.Equal("ia", reader.ReadTextString());
    }

    [Fact]
    public void Attack_unsigned_JSON_trust_list_is_refused_as_malformed()
    {
        var json = System.Text.Encoding.UTF8.GetBytes(TrustListImport.ToJson(new TrustList([Haishu()])));

        Assert.Equal("malformed", TrustListCodec.Read(json, Root, Examples.Now).RefusalCode);
    }

    [Fact]
    public void Attack_trust_list_signed_by_a_foreign_root_is_refused()
    {
        using var mitm = ECDsa.Create(ECCurve.NamedCurves.nistP256);   // TEST KEY: the attacker's "root"
        var forged = TrustListCodec.Sign(new SignedTrustList(99, Examples.Now, new TrustList([Haishu()])), new EcdsaIssuerSigner(mitm));

        Assert.Equal("foreign-root", TrustListCodec.Read(forged, Root, Examples.Now).RefusalCode);
    }

    [Fact]
    public void Attack_trust_list_with_the_roots_key_id_but_another_signature_is_refused()
    {
        var bytes = Signed(3, Haishu());
        bytes[^1] ^= 0x01;

        Assert.Equal("bad-signature", TrustListCodec.Read(bytes, Root, Examples.Now).RefusalCode);
    }

    [Fact]
    public void Attack_replayed_older_trust_list_is_refused()
    {
        var old = Signed(4, Zhenhai());

        Assert.Equal("older-version", TrustListCodec.Read(old, Root, Examples.Now, heldVersion: 5).RefusalCode);
        Assert.True(TrustListCodec.Read(old, Root, Examples.Now, heldVersion: 4).IsValid);
    }

    [Fact]
    public void Attack_trust_list_issued_more_than_five_minutes_in_the_future_is_refused()
    {
        var future = TrustListCodec.Sign(new SignedTrustList(2, Examples.Now.AddMinutes(6), new TrustList([Zhenhai()])), new EcdsaIssuerSigner(_root));
        var skewed = TrustListCodec.Sign(new SignedTrustList(2, Examples.Now.AddMinutes(4), new TrustList([Zhenhai()])), new EcdsaIssuerSigner(_root));

        Assert.Equal("issued-in-future", TrustListCodec.Read(future, Root, Examples.Now).RefusalCode);
        Assert.True(TrustListCodec.Read(skewed, Root, Examples.Now).IsValid);
    }

    [Fact]
    public void A_key_entry_whose_kid_does_not_match_its_spki_is_refused()
    {
        var bytes = Signed(1, Zhenhai());
        var payload = CoseSign1.Parse(bytes).Payload.ToArray();
        var kid = Convert.FromHexString(TestKeys.IssuerKeyIdHex);
        var at = payload.AsSpan().IndexOf(kid);
        payload[at] ^= 0xFF;
        var resigned = CoseSign1.Sign(payload, new EcdsaIssuerSigner(_root));

        Assert.Equal("malformed", TrustListCodec.Read(resigned, Root, Examples.Now).RefusalCode);
    }

    [Fact]
    public void Attack_revoked_issuer_key_makes_its_card_and_QR_refused_as_issuer_key_revoked()
    {
        var trust = Verified(Signed(2, Zhenhai(TrustedKeyStatus.Revoked)));
        var card = Examples.Card();
        var qr = QrCredential.Issue(QrClaims.ForPermit(Examples.Permit, Examples.Now), TestKeys.Issuer);

        var cardVerdict = CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), trust, Current, Examples.Now);
        var qrVerdict = CredentialVerifier.VerifyQr(qr, trust, Current, Examples.Now);
        var online = CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), trust,
            new RevocationKnowledge(null, LivePermitStatus.Active), Examples.Now,
            confirmedChipKeyHash: System.Security.Cryptography.SHA256.HashData(card.Files.ChipKey));

        Assert.Equal("issuer-key-revoked", cardVerdict.ReasonCode);
        Assert.Equal("issuer-key-revoked", qrVerdict.ReasonCode);
        Assert.Equal("issuer-key-revoked", online.ReasonCode);
        Assert.Null(cardVerdict.Card);
        Assert.Null(qrVerdict.QrClaims);
    }

    [Fact]
    public void A_retired_issuer_keys_cards_stay_genuine()
    {
        var trust = Verified(Signed(2, Zhenhai(TrustedKeyStatus.Retired)));
        var card = Examples.Card();

        Assert.True(CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), trust, Current, Examples.Now).Accepted);
    }

    [Fact]
    public void Two_issuers_a_card_and_QR_from_another_Zhejiang_district_verify_offline_here()
    {
        var trust = Verified(Signed(3, Zhenhai(), Haishu()));
        var haishuPermit = Examples.Permit with { PermitNumber = WithCheck("33020320260000042"), ResidenceRegion = "330203", IssuingAuthority = "宁波市公安局海曙分局" };
        var card = Examples.Card(haishuPermit, new EcdsaIssuerSigner(_haishu));
        var qr = QrCredential.Issue(QrClaims.ForPermit(haishuPermit, Examples.Now), new EcdsaIssuerSigner(_haishu));

        Assert.True(CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), trust, Current, Examples.Now).Accepted);
        Assert.True(CredentialVerifier.VerifyQr(qr, trust, Current, Examples.Now).Accepted);
        Assert.True(CredentialVerifier.VerifyCard(Examples.Card().Files, Examples.Card().Authenticate(), trust, Current, Examples.Now).Accepted);
    }

    [Fact]
    public void Attack_issuer_key_used_outside_its_regions_is_refused()
    {
        var trust = Verified(Signed(3, Zhenhai(), Haishu()));
        // Haishu's key signs a permit numbered in Zhenhai (330211): genuine signature, no authority for that region.
        var card = Examples.Card(issuer: new EcdsaIssuerSigner(_haishu));
        var qr = QrCredential.Issue(QrClaims.ForPermit(Examples.Permit, Examples.Now), new EcdsaIssuerSigner(_haishu));

        var cardVerdict = CredentialVerifier.VerifyCard(card.Files, card.Authenticate(), trust, Current, Examples.Now);

        Assert.Equal("issuer-not-authorised-for-region", cardVerdict.ReasonCode);
        Assert.Equal(CheckOutcome.Failed, cardVerdict[VerificationCheck.IssuerMandate].Outcome);
        Assert.Null(cardVerdict.Card);
        Assert.Equal("issuer-not-authorised-for-region", CredentialVerifier.VerifyQr(qr, trust, Current, Examples.Now).ReasonCode);
    }

    [Fact]
    public void A_card_issued_inside_its_keys_window_stays_valid_after_the_window_and_one_issued_after_it_is_refused()
    {
        // Examples.Permit was issued on 2026-01-15; the key may sign until 2026-02-01.
        var trust = Verified(Signed(2, Zhenhai(TrustedKeyStatus.Retired, notAfter: new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero))));
        var inside = Examples.Card();
        var after = Examples.Card(Examples.Permit with { IssueDate = new DateOnly(2026, 2, 20) });

        Assert.True(CredentialVerifier.VerifyCard(inside.Files, inside.Authenticate(), trust, Current, Examples.Now).Accepted);
        Assert.Equal("issuer-key-outside-validity", CredentialVerifier.VerifyCard(after.Files, after.Authenticate(), trust, Current, Examples.Now).ReasonCode);
    }

    [Fact]
    public void Attack_MITM_revocation_list_with_version_2_pow_63_minus_1_is_refused_and_a_revoked_signers_list_too()
    {
        using var mitm = ECDsa.Create(ECCurve.NamedCurves.nistP256);   // TEST KEY: the attacker's issuer key
        var trust = Verified(Signed(2, Zhenhai(), Haishu()));
        var huge = new RevocationList(long.MaxValue, Examples.Now, Examples.Now.AddYears(100), []);

        var byMitm = RevocationListCodec.Read(RevocationListCodec.Sign(huge, new EcdsaIssuerSigner(mitm)), trust);
        var revokedTrust = Verified(Signed(3, Zhenhai(TrustedKeyStatus.Revoked)));
        var byRevokedKey = RevocationListCodec.Read(RevocationListCodec.Sign(huge, TestKeys.Issuer), revokedTrust);

        Assert.Equal(RefusalReason.UnknownKey, byMitm.Reason);
        Assert.Equal(RefusalReason.IssuerKeyRevoked, byRevokedKey.Reason);
    }

    private static string WithCheck(string seventeen) => seventeen + PermitFormats.Mod112CheckCharacter(seventeen);

    public void Dispose()
    {
        _root.Dispose();
        _haishu.Dispose();
    }
}

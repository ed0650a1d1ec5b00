using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Qr;

namespace Permit.Domain.Tests.Credentials.Qr;

public class QrCredentialTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static string IssueExample(DateTimeOffset? expiresAt = null) =>
        QrCredential.Issue(QrClaims.ForPermit(Examples.Permit, IssuedAt, expiresAt), TestKeys.Issuer);

    [Fact]
    public void The_text_is_RP1_followed_by_QR_alphanumeric_characters()
    {
        var text = IssueExample();

        Assert.StartsWith("RP1:", text, StringComparison.Ordinal);
        Assert.All(text[4..], c => Assert.Contains(c, Base45.Alphabet));
    }

    [Fact]
    public void The_claims_read_back_with_the_ID_number_masked()
    {
        var scanned = QrCredential.Read(IssueExample(IssuedAt.AddMinutes(5))).Value!;

        Assert.Equal("110105********002X", scanned.Claims.MaskedIdNumber);
        Assert.Equal("330211202600000015", scanned.Claims.PermitNumber);
        Assert.Equal(new DateOnly(2031, 1, 14), scanned.Claims.ValidUntil);
        Assert.Equal(IssuedAt, scanned.Claims.IssuedAt);
        Assert.Equal(IssuedAt.AddMinutes(5), scanned.Claims.ExpiresAt);
        Assert.Equal(TestKeys.IssuerKeyIdHex, IssuerKeyId.ToHex(scanned.KeyId));
    }

    [Fact]
    public void The_COSE_message_is_tagged_with_an_ES256_protected_header_naming_the_key_and_an_empty_unprotected_map()
    {
        var cose = QrWire.Unpack(IssueExample());
        var (protectedHeader, unprotected, _, signature) = QrWire.Split(cose);

        Assert.Equal(0xD2, cose[0]);
        Assert.Equal("A201260448" + TestKeys.IssuerKeyIdHex.ToUpperInvariant(), Convert.ToHexString(protectedHeader));
        Assert.Equal("A0", Convert.ToHexString(unprotected));
        Assert.Equal(64, signature.Length);
    }

    [Fact]
    public void The_payload_map_uses_the_spec_text_keys_in_deterministic_order()
    {
        var (_, _, payload, _) = QrWire.Split(QrWire.Unpack(IssueExample()));

        var reader = new System.Formats.Cbor.CborReader(payload);
        var keys = new List<string>();
        reader.ReadStartMap();
        while (reader.PeekState() != System.Formats.Cbor.CborReaderState.EndMap)
        {
            keys.Add(reader.ReadTextString());
            reader.SkipValue();
        }

        Assert.Equal(["n", "v", "cs", "id", "pn", "rc", "vu", "iat"], keys);
    }

    [Fact]
    public void The_example_payload_is_pinned_byte_for_byte_for_other_implementations()
    {
        var (_, _, payload, _) = QrWire.Split(QrWire.Unpack(IssueExample()));

        // {"n": "张三", "v": 1, "cs": 1, "id": "110105********002X", "pn": "330211202600000015",
        //  "rc": "330211", "vu": "20310114", "iat": 1772355600}
        Assert.Equal(
            "A8616E66E5BCA0E4B88961760162637301626964723131303130352A2A2A2A2A2A2A2A3030325862706E72333330323131"
            + "32303236303030303030313562726366333330323131627675683230333130313134636961741A69A40010",
            Convert.ToHexString(payload));
    }

    [Fact]
    public void Untagged_and_undeflated_COSE_is_accepted()
    {
        var (p, u, payload, sig) = QrWire.Split(QrWire.Unpack(IssueExample()));
        var untagged = QrWire.Join(p, u, payload, sig, tagged: false);

        Assert.True(QrCredential.Read(QrWire.Pack(untagged, deflate: false)).IsValid);
        Assert.True(QrCredential.Read(QrWire.Pack(untagged, deflate: true)).IsValid);
        Assert.True(QrCredential.Read(QrWire.Pack(QrWire.Unpack(IssueExample()), deflate: false)).IsValid);
    }

    [Fact]
    public void Unknown_claim_keys_are_ignored()
    {
        var payload = QrWire.ClaimsMap([.. QrWire.ExampleClaims(), ("xyz", "later claim"), ("photo", new byte[] { 1, 2 })]);
        var text = QrWire.Pack(CoseSign1.Sign(payload, TestKeys.Issuer));

        var scanned = QrCredential.Read(text);

        Assert.True(scanned.IsValid, scanned.Error);
    }

    [Theory]
    [InlineData("pn", "330211202600000016", "a permit number with a wrong check character")]
    [InlineData("id", "110105199001011234", "an unmasked ID number")]
    [InlineData("vu", "2031-01-14", "vu not YYYYMMDD")]
    [InlineData("rc", "33021", "a five-digit region")]
    public void Claims_of_the_wrong_shape_are_malformed(string key, string value, string why)
    {
        var claims = QrWire.ExampleClaims().Select(c => c.Item1 == key ? (key, (object)value) : c).ToArray();
        var text = QrWire.Pack(CoseSign1.Sign(QrWire.ClaimsMap(claims), TestKeys.Issuer));

        Assert.False(QrCredential.Read(text).IsValid, why);
    }

    [Fact]
    public void A_missing_claim_or_another_version_is_malformed()
    {
        var withoutName = QrWire.ExampleClaims().Where(c => c.Item1 != "n").ToArray();
        var version2 = QrWire.ExampleClaims().Select(c => c.Item1 == "v" ? ("v", (object)2) : c).ToArray();

        Assert.False(QrCredential.Read(QrWire.Pack(CoseSign1.Sign(QrWire.ClaimsMap(withoutName), TestKeys.Issuer))).IsValid);
        Assert.False(QrCredential.Read(QrWire.Pack(CoseSign1.Sign(QrWire.ClaimsMap(version2), TestKeys.Issuer))).IsValid);
    }

    [Fact]
    public void A_duplicated_claim_is_malformed()
    {
        var claims = QrWire.ExampleClaims().Append(("pn", "330211202600000023")).ToArray();

        Assert.False(QrCredential.Read(QrWire.Pack(CoseSign1.Sign(QrWire.ClaimsMap(claims), TestKeys.Issuer))).IsValid);
    }

    [Fact]
    public void A_truncated_Base45_string_is_malformed()
    {
        var text = IssueExample();

        foreach (var cut in new[] { 1, 2, 3, 10, text.Length / 2 })
        {
            var result = QrCredential.Read(text[..^cut]);
            Assert.False(result.IsValid, $"cut {cut}");
        }
    }

    [Fact]
    public void A_zip_bomb_is_refused_as_malformed_without_inflating_it()
    {
        var bomb = QrWire.Deflate(new byte[1024 * 1024]);
        var text = QrCredential.Prefix + Base45.Encode(bomb);
        Assert.True(text.Length <= QrCredential.MaxTextLength, "the bomb must fit a QR code to test inflation limits");

        var result = QrCredential.Read(text);

        Assert.False(result.IsValid);
        Assert.Contains("size limit", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RP1:")]
    [InlineData("RP2:BB8")]
    [InlineData("rp1:BB8")]
    [InlineData("HC1:BB8")]
    [InlineData("RP1:BB8")]
    [InlineData("RP1:%69 VD92EX0")]
    public void Text_that_is_not_a_permit_QR_is_malformed(string? text)
    {
        var result = QrCredential.Read(text);

        Assert.False(result.IsValid);
        Assert.NotNull(result.Error);
    }

    [Fact]
    public void Random_bytes_behind_the_prefix_never_throw()
    {
        var random = new Random(20260301);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(1, 300)];
            random.NextBytes(bytes);
            if (i % 3 == 0)
            {
                bytes[0] = (byte)(i % 2 == 0 ? 0xD2 : 0x84);
            }

            var input = QrCredential.Prefix + Base45.Encode(i % 5 == 0 ? QrWire.Deflate(bytes) : bytes);

            Assert.False(QrCredential.Read(input).IsValid);
        }
    }

    [Fact]
    public void A_kid_in_the_unprotected_header_instead_is_malformed()
    {
        var (p, _, payload, sig) = QrWire.Split(QrWire.Unpack(IssueExample()));
        var unprotectedWithKid = Convert.FromHexString("A10448" + TestKeys.IssuerKeyIdHex);

        Assert.False(QrCredential.Read(QrWire.Pack(QrWire.Join(p, unprotectedWithKid, payload, sig))).IsValid);
    }

    [Fact]
    public void Another_algorithm_in_the_protected_header_is_malformed()
    {
        var (_, u, payload, sig) = QrWire.Split(QrWire.Unpack(IssueExample()));
        var es384 = Convert.FromHexString("A201382204 48".Replace(" ", "", StringComparison.Ordinal) + TestKeys.IssuerKeyIdHex);

        Assert.False(QrCredential.Read(QrWire.Pack(QrWire.Join(es384, u, payload, sig))).IsValid);
    }

    [Fact]
    public void Claims_that_break_the_spec_cannot_be_issued() =>
        Assert.Throws<ArgumentException>(() => QrCredential.Issue(
            QrClaims.ForPermit(Examples.Permit, IssuedAt) with { MaskedIdNumber = Examples.Permit.IdNumber }, TestKeys.Issuer));

    [Fact]
    public void A_masked_ID_keeps_the_first_six_and_last_four_characters() =>
        Assert.Equal("110105********002X", PermitFormats.MaskIdNumber("11010519491231002X"));
}

public class QrCredentialRobustnessTests
{
    [Fact]
    public void Bytes_appended_after_the_zlib_stream_are_malformed()
    {
        var text = QrCredential.Issue(QrClaims.ForPermit(Examples.Permit, Examples.Now), TestKeys.Issuer);
        Assert.True(Base45.TryDecode(text.AsSpan(4), out var packed));

        var result = QrCredential.Read(QrCredential.Prefix + Base45.Encode([.. packed, 0x00, 0x01]));

        Assert.False(result.IsValid);
    }
}

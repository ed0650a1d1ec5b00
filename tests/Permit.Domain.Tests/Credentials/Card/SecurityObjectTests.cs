using Permit.Domain.Credentials.Card;

namespace Permit.Domain.Tests.Credentials.Card;

public class SecurityObjectTests
{
    // Hashes of the example EF.PERMIT, of "5F 2E 00" and of the example EF.CHIPKEY; computed independently.
    private const string ExpectedSignatureFileHex =
        "7781B5" + "9008F173A60DBEA1499D" + "910101"
        + "9320DA1EDB23BAF3174FF0B788D3A19DBA6BEC2C51EBFBBA6369D60501E1DD4D76F8"
        + "94201BD19BC7B8860D9979CFAAEF33972ECDB55DF45B3D06040876F03C82ACC1394C"
        + "9520AD1D082BFAE91AA63BA83536975072FACDE609CA5462318605ABD3F08754711C"
        + "9E40" + "1111111111111111111111111111111111111111111111111111111111111111"
        + "2222222222222222222222222222222222222222222222222222222222222222";

    [Fact]
    public void The_issuer_key_id_is_the_first_8_bytes_of_SHA256_over_the_SPKI()
    {
        using var issuer = TestKeys.Load(TestKeys.IssuerPem);

        Assert.Equal(TestKeys.IssuerKeyIdHex, IssuerKeyId.ToHex(IssuerKeyId.FromKey(issuer)));
        Assert.Equal(TestKeys.IssuerKeyIdHex, IssuerKeyId.ToHex(TestKeys.Issuer.KeyId.Span));
    }

    [Fact]
    public void EF_SIG_of_the_example_is_laid_out_byte_for_byte()
    {
        var signer = new FixedSignatureSigner(Convert.FromHexString(TestKeys.IssuerKeyIdHex));

        var file = SecurityObject.Sign(
            Convert.FromHexString(Examples.PermitFileHex),
            Convert.FromHexString("5F2E00"),
            Convert.FromHexString(Examples.ChipKeyFileHex),
            signer).Encode();

        Assert.Equal(ExpectedSignatureFileHex, Convert.ToHexString(file));
        Assert.Equal(184, file.Length);
    }

    [Fact]
    public void EF_SIG_reads_back_into_its_six_objects()
    {
        var sig = SecurityObject.Decode(Convert.FromHexString(ExpectedSignatureFileHex)).Value!;

        Assert.Equal(TestKeys.IssuerKeyIdHex, IssuerKeyId.ToHex(sig.KeyId));
        Assert.Equal(SecurityObject.EcdsaP256Sha256, sig.Algorithm);
        Assert.Equal(FixedSignatureSigner.Signature, sig.Signature);
        Assert.Equal(96, sig.SignedContent().Length);
    }

    [Fact]
    public void A_real_issuer_signature_verifies_over_H1_H2_H3()
    {
        using var issuer = TestKeys.Load(TestKeys.IssuerPem);

        var sig = SecurityObject.Sign(Convert.FromHexString(Examples.PermitFileHex), Convert.FromHexString("5F2E00"),
            Convert.FromHexString(Examples.ChipKeyFileHex), TestKeys.Issuer);

        Assert.True(P256.Verify(issuer, sig.SignedContent(), sig.Signature));
    }

    [Theory]
    [InlineData("9008", "9007", "a 7-byte key id")]
    [InlineData("910101", "920101", "tag 92 in place of 91")]
    [InlineData("9E40", "9F40", "a signature under the wrong tag")]
    public void EF_SIG_with_a_wrong_object_is_malformed(string original, string replacement, string why)
    {
        var hex = ExpectedSignatureFileHex.Replace(original, replacement, StringComparison.Ordinal);

        Assert.False(SecurityObject.Decode(Convert.FromHexString(hex)).IsValid, why);
    }

    [Fact]
    public void A_truncated_EF_SIG_is_malformed() =>
        Assert.False(SecurityObject.Decode(Convert.FromHexString(ExpectedSignatureFileHex[..100])).IsValid);
}

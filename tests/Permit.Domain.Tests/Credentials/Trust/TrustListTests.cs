using System.Security.Cryptography;
using Permit.Domain.Credentials.Trust;

namespace Permit.Domain.Tests.Credentials.Trust;

public class TrustListTests
{
    private static string IssuerSpkiBase64()
    {
        using var key = TestKeys.Load(TestKeys.IssuerPem);
        return Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
    }

    [Fact]
    public void A_JSON_trust_list_with_two_keys_finds_each_by_key_id()
    {
        using var other = TestKeys.Load(TestKeys.OtherIssuerPem);
        var json = $$"""
            {"keys":[
              {"kid":"{{TestKeys.IssuerKeyIdHex}}","label":"2026","spki":"{{IssuerSpkiBase64()}}"},
              {"spki":"{{Convert.ToBase64String(other.ExportSubjectPublicKeyInfo())}}"}]}
            """;

        var list = TrustListImport.FromJson(json).Value!;

        Assert.Equal(2, list.Keys.Count);
        Assert.True(list.TryFind(Convert.FromHexString(TestKeys.IssuerKeyIdHex), out var found));
        Assert.Equal("2026", found.Label);
        Assert.True(list.TryFind(IssuerKeyId.FromKey(other), out _));
        Assert.False(list.TryFind(new byte[8], out _));
    }

    [Fact]
    public void A_JSON_entry_whose_kid_does_not_match_its_key_is_refused()
    {
        var json = $$"""{"keys":[{"kid":"0000000000000000","spki":"{{IssuerSpkiBase64()}}"}]}""";

        var result = TrustListImport.FromJson(json);

        Assert.False(result.IsValid);
        Assert.Contains("0000000000000000", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("""{"keys":[{"spki":"not base64!"}]}""")]
    [InlineData("""{"keys":[{"spki":"AAAA"}]}""")]
    [InlineData("""{"keys":[1]}""")]
    public void Bad_JSON_is_refused_without_an_exception(string json) => Assert.False(TrustListImport.FromJson(json).IsValid);

    [Fact]
    public void A_P384_key_is_not_a_permit_issuer_key()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var json = $$"""{"keys":[{"spki":"{{Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo())}}"}]}""";

        Assert.False(TrustListImport.FromJson(json).IsValid);
    }

    [Fact]
    public void PEM_public_key_blocks_are_imported_with_computed_ids()
    {
        using var issuer = TestKeys.Load(TestKeys.IssuerPem);
        using var other = TestKeys.Load(TestKeys.OtherIssuerPem);
        var pem = issuer.ExportSubjectPublicKeyInfoPem() + "\n" + other.ExportSubjectPublicKeyInfoPem();

        var list = TrustListImport.FromPem(pem).Value!;

        Assert.Equal([TestKeys.IssuerKeyIdHex, IssuerKeyId.ToHex(IssuerKeyId.FromKey(other))], list.Keys.Select(k => k.KeyIdHex).Order());
    }

    [Fact]
    public void PEM_without_a_public_key_is_refused() =>
        Assert.False(TrustListImport.FromPem(TestKeys.IssuerPem.Replace("PRIVATE KEY", "CERTIFICATE", StringComparison.Ordinal)).IsValid);

    [Fact]
    public void A_trust_list_written_as_JSON_reads_back()
    {
        var json = TrustListImport.ToJson(TestKeys.TrustsIssuer());

        var list = TrustListImport.FromJson(json).Value!;

        Assert.Equal(TestKeys.IssuerKeyIdHex, Assert.Single(list.Keys).KeyIdHex);
    }
}

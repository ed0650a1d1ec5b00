using System.Security.Cryptography;
using Permit.CardAgent.Personalization;
using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Revocation;
using Permit.Domain.Credentials.Signing;
using Permit.Domain.Credentials.Trust;

namespace Permit.CardAgent.Tests.Support;

/// <summary>
/// A TEST issuer: a P-256 key made for this test run only, written as PEM files into a scratch folder with a
/// permit.json and a photo, as an officer's PC would hold them; also a TEST trust root (its public key in
/// <see cref="RootPublicKeyPath"/>) and a current, empty revocation list signed by the issuer (<see cref="RevocationPath"/>),
/// since a verdict without revocation data cannot be confirmed.
/// </summary>
internal sealed class TestIssuer : IDisposable
{
    public TestIssuer()
    {
        Folder = Directory.CreateTempSubdirectory("permit-agent-tests-").FullName;
        Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(PrivateKeyPath, Key.ExportECPrivateKeyPem());
        File.WriteAllText(PublicKeyPath, Key.ExportSubjectPublicKeyInfoPem());
        File.WriteAllText(PermitJsonPath, System.Text.Json.JsonSerializer.Serialize(PermitJson.From(SamplePermit), AgentJson.Output));
        File.WriteAllBytes(PhotoPath, Jpeg);
        Root = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        File.WriteAllText(RootPublicKeyPath, Root.ExportSubjectPublicKeyInfoPem());
        var now = DateTimeOffset.UtcNow;
        File.WriteAllBytes(RevocationPath, RevocationListCodec.Sign(new RevocationList(1, now.AddHours(-1), now.AddYears(10), []), new EcdsaIssuerSigner(Key)));
    }

    /// <summary>TEST KEY: the trust root that signs this run's trust lists.</summary>
    public ECDsa Root { get; }

    public string RootPublicKeyPath => Path.Combine(Folder, "trust-root.test.pub.pem");

    public string RevocationPath => Path.Combine(Folder, "revocation-list.cose");

    /// <summary>A trust list signed by <see cref="Root"/> naming <paramref name="keys"/> (default: this issuer, active, all of Zhejiang).</summary>
    public byte[] SignedTrustList(long version, params TrustedIssuerKey[] keys) => SignedTrustList(version, DateTimeOffset.UtcNow, Root, keys);

    public byte[] SignedTrustList(long version, DateTimeOffset issuedAt, ECDsa root, params TrustedIssuerKey[] keys) =>
        TrustListCodec.Sign(new SignedTrustList(version, issuedAt, new TrustList(keys.Length > 0 ? keys : [Trusted(Key)])), new EcdsaIssuerSigner(root));

    /// <summary>A key as a trust list names it: status, valid from 2020, the region prefixes it may issue for.</summary>
    public static TrustedIssuerKey Trusted(ECDsa key, TrustedKeyStatus status = TrustedKeyStatus.Active, params string[] regions) =>
        TrustedIssuerKey.FromKey(key, "test issuer").WithPolicy(status, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), null,
            regions.Length > 0 ? regions : ["33"]);

    /// <summary>A small fake JPEG (SOI ... EOI); its size makes EF.PHOTO take several UPDATE BINARYs.</summary>
    public static byte[] Jpeg { get; } = [0xFF, 0xD8, 0xFF, 0xE0, .. Enumerable.Range(0, 700).Select(i => (byte)i), 0xFF, 0xD9];

    public static PermitCardData SamplePermit { get; } = new(
        PermitNumber: WithCheck("33021120260000001"),
        IdNumber: WithCheck("53010219900508011"),
        Name: "李小龙",
        Sex: "1",
        EthnicGroup: "01",
        BirthDate: new DateOnly(1990, 5, 8),
        HukouAddress: "云南省昆明市五华区护国路1号",
        ResidenceAddress: "浙江省宁波市镇海区骆驼街道民和路88号",
        ResidenceRegion: "330211",
        IssuingAuthority: "宁波市公安局镇海分局",
        IssueDate: new DateOnly(2026, 3, 1),
        ValidUntil: new DateOnly(2031, 2, 28),
        CardSequence: 1);

    public string Folder { get; }

    public ECDsa Key { get; }

    public string PrivateKeyPath => Path.Combine(Folder, "issuer.test-key.pem");

    public string PublicKeyPath => Path.Combine(Folder, "issuer.pub.pem");

    public string PermitJsonPath => Path.Combine(Folder, "permit.json");

    public string PhotoPath => Path.Combine(Folder, "photo.jpg");

    public string PathOf(string name) => Path.Combine(Folder, name);

    public static string WithCheck(string seventeenDigits) => seventeenDigits + PermitFormats.Mod112CheckCharacter(seventeenDigits);

    public static byte[] PhotoFileBytes => PhotoFile.Encode(Jpeg);

    public void Dispose()
    {
        Key.Dispose();
        Root.Dispose();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover scratch folder under /tmp is harmless.
        }
    }
}

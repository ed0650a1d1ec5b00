using System.Security.Cryptography;
using Permit.CardAgent.Personalization;
using Permit.Domain.Credentials;
using Permit.Domain.Credentials.Card;

namespace Permit.CardAgent.Tests.Support;

/// <summary>
/// A TEST issuer: a P-256 key made for this test run only, written as PEM files into a scratch folder with a
/// permit.json and a photo, as an officer's PC would hold them.
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
    }

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

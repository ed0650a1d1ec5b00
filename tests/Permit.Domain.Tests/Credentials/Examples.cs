using System.Security.Cryptography;
using Permit.Domain.Credentials.Card;
using Permit.Domain.Credentials.Verification;

namespace Permit.Domain.Tests.Credentials;

/// <summary>The fixed example permit and small builders for cards made from it.</summary>
internal static class Examples
{
    public static readonly PermitCardData Permit = new(
        PermitNumber: "330211202600000015",
        IdNumber: "11010519491231002X",
        Name: "张三",
        Sex: "1",
        EthnicGroup: "01",
        BirthDate: new DateOnly(1949, 12, 31),
        HukouAddress: "北京市",
        ResidenceAddress: "宁波市",
        ResidenceRegion: "330211",
        IssuingAuthority: "宁波市公安局",
        IssueDate: new DateOnly(2026, 1, 15),
        ValidUntil: new DateOnly(2031, 1, 14),
        CardSequence: 1);

    /// <summary>EF.PERMIT of <see cref="Permit"/>, written out by hand from card spec v1.</summary>
    public const string PermitFileHex =
        "70818D" + "800101"
        + "8112" + "333330323131323032363030303030303135"
        + "8212" + "313130313035313934393132333130303258"
        + "8306" + "E5BCA0E4B889"
        + "840131" + "85023031" + "8608" + "3139343931323331"
        + "8709" + "E58C97E4BAACE5B882" + "8809" + "E5AE81E6B3A2E5B882"
        + "8906" + "333330323131" + "8A12" + "E5AE81E6B3A2E5B882E585ACE5AE89E5B180"
        + "8B08" + "3230323630313135" + "8C08" + "3230333130313134" + "8D0101";

    /// <summary>EF.CHIPKEY of the test chip key.</summary>
    public const string ChipKeyFileHex =
        "7F4943864104"
        + "2F64C4B3F4C7B65114DFB08EC6508B146C7BA4A8FA2AA917E097AB657C2DA468"
        + "08C7010C0934F79B2344FE79A3E34EE867D22EE11080F6FFEE2D393AB3EA5BC2";

    /// <summary>A date on which the example permit is in force.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A personalised card: its files as a terminal reads them, and its chip (which can answer AA).</summary>
    public sealed record TestCard(CardReadout Files, ECDsa Chip)
    {
        public ChipChallengeResponse Authenticate()
        {
            var challenge = ActiveAuthentication.NewChallenge();
            return new ChipChallengeResponse(challenge, ActiveAuthentication.Sign(Chip, challenge));
        }
    }

    public static TestCard Card(PermitCardData? permit = null, IIssuerSigner? issuer = null, byte[]? jpeg = null, ECDsa? chip = null)
    {
        chip ??= TestKeys.Load(TestKeys.ChipPem);
        var permitFile = PermitFile.Encode(permit ?? Permit);
        var photoFile = PhotoFile.Encode(jpeg ?? [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0xFF, 0xD9]);
        var chipKeyFile = ChipKeyFile.Encode(chip);
        var sig = SecurityObject.Sign(permitFile, photoFile, chipKeyFile, issuer ?? TestKeys.Issuer).Encode();
        return new TestCard(new CardReadout(permitFile, photoFile, chipKeyFile, sig), chip);
    }
}

using System.Security.Cryptography;
using System.Text;
using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.PermitCards;

public class InternalAuthenticateTests
{
    private const string Challenge16 = "00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF";

    [Fact]
    public void The_card_signs_PERMIT_AA1_and_the_challenge_with_the_key_in_EF_CHIPKEY()
    {
        var terminal = TestCards.Active();
        terminal.Send(SelectChipKeyFile);
        var chipKeyObject = terminal.SendBytes(ReadFromStart)[..70];

        var response = terminal.SendBytes(InternalAuthenticate(Challenge16));

        Assert.Equal(66, response.Length);
        Assert.Equal("90 00", Hex.Format(response.AsSpan(64)));
        using var key = ChipKey.ImportPublicKey(chipKeyObject);
        var signed = Encoding.ASCII.GetBytes("PERMIT-AA1").Concat(Hex.Parse(Challenge16)).ToArray();
        Assert.True(key.VerifyData(signed, response[..64], HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void The_signature_does_not_verify_for_another_challenge()
    {
        var terminal = TestCards.Active();
        terminal.Send(SelectChipKeyFile);
        using var key = ChipKey.ImportPublicKey(terminal.SendBytes(ReadFromStart).AsSpan(0, 70));

        var signature = terminal.SendBytes(InternalAuthenticate(Challenge16))[..64];

        var other = Encoding.ASCII.GetBytes("PERMIT-AA1").Concat(Hex.Parse("FF" + Challenge16[2..])).ToArray();
        Assert.False(key.VerifyData(other, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(16)]
    [InlineData(32)]
    public void Challenges_of_8_to_32_bytes_are_signed(int length)
    {
        var challenge = Convert.ToHexString(RandomNumberGenerator.GetBytes(length));
        Assert.Equal("90 00", TestCards.Active().StatusOf(InternalAuthenticate(challenge)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(33)]
    public void A_challenge_outside_8_to_32_bytes_answers_6700(int length) =>
        Assert.Equal("67 00", TestCards.Active().Send(InternalAuthenticate(new string('A', length * 2))));

    [Fact]
    public void A_challenge_without_Le_is_signed_too() =>
        Assert.Equal("90 00", TestCards.Active().StatusOf("00 88 00 00 08 01 02 03 04 05 06 07 08"));

    [Fact]
    public void INTERNAL_AUTHENTICATE_with_P1_P2_other_than_00_00_answers_6A86() =>
        Assert.Equal("6A 86", TestCards.Active().Send("00 88 00 01 08 01 02 03 04 05 06 07 08 00"));

    [Fact]
    public void INTERNAL_AUTHENTICATE_on_a_blank_card_answers_6985() =>
        Assert.Equal("69 85", TestCards.Blank().Send(InternalAuthenticate(Challenge16)));

    [Fact]
    public void INTERNAL_AUTHENTICATE_while_personalizing_answers_6985() =>
        Assert.Equal("69 85", TestCards.Personalized().Send(InternalAuthenticate(Challenge16)));

    [Fact]
    public void An_active_card_whose_chip_key_file_was_written_by_hand_cannot_authenticate()
    {
        var terminal = TestCards.Personalizing();
        TestCards.Write(terminal, SelectChipKeyFile, "7F 49 03 86 01 04");
        TestCards.Write(terminal, SelectPermitFile, TestCards.PermitObject);
        TestCards.Write(terminal, SelectSignatureFile, TestCards.SignatureObject);
        terminal.Send(Activate);

        Assert.Equal("69 85", terminal.Send(InternalAuthenticate(Challenge16)));
    }
}

using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.PermitCards;

public class GenerateKeyPairTests
{
    [Fact]
    public void GENERATE_KEY_PAIR_answers_the_EF_CHIPKEY_object_with_an_uncompressed_P256_point()
    {
        var response = TestCards.Personalizing().SendBytes(GenerateKeyPair);

        Assert.Equal(72, response.Length);
        Assert.Equal("7F 49 43 86 41 04", Hex.Format(response.AsSpan(0, 6)));
        Assert.Equal("90 00", Hex.Format(response.AsSpan(70)));
    }

    [Fact]
    public void The_generated_public_key_is_written_to_EF_CHIPKEY()
    {
        var terminal = TestCards.Personalizing();
        var generated = terminal.SendBytes(GenerateKeyPair)[..70];

        terminal.Send(SelectChipKeyFile);
        var stored = terminal.SendBytes(ReadFromStart);

        Assert.Equal(generated, stored[..70]);
        Assert.Equal("62 82", Hex.Format(stored.AsSpan(70)));
    }

    [Fact]
    public void The_generated_key_is_a_point_on_P256()
    {
        var generated = TestCards.Personalizing().SendBytes(GenerateKeyPair)[..70];
        using var key = Permit.HardwareSim.PermitCards.ChipKey.ImportPublicKey(generated);
        Assert.Equal(256, key.KeySize);
    }

    [Fact]
    public void Each_generation_makes_a_fresh_key()
    {
        var terminal = TestCards.Personalizing();
        Assert.NotEqual(Hex.Format(terminal.SendBytes(GenerateKeyPair)), Hex.Format(terminal.SendBytes(GenerateKeyPair)));
    }

    [Fact]
    public void GENERATE_KEY_PAIR_on_a_blank_card_without_VERIFY_answers_6982() =>
        Assert.Equal("69 82", TestCards.Blank().Send(GenerateKeyPair));

    [Fact]
    public void GENERATE_KEY_PAIR_on_an_active_card_answers_6982() =>
        Assert.Equal("69 82", TestCards.Active().Send(GenerateKeyPair));

    [Fact]
    public void GENERATE_KEY_PAIR_with_P1_P2_other_than_00_00_answers_6A86() =>
        Assert.Equal("6A 86", TestCards.Personalizing().Send("00 46 80 00 00"));

    [Theory]
    [InlineData("00 46 00 00")]
    [InlineData("00 46 00 00 40")]
    [InlineData("00 46 00 00 01 00")]
    public void GENERATE_KEY_PAIR_without_room_for_the_key_object_answers_6700(string apdu) =>
        Assert.Equal("67 00", TestCards.Personalizing().Send(apdu));
}

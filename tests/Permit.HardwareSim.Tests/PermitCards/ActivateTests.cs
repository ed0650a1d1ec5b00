using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.PermitCards;

public class ActivateTests
{
    [Fact]
    public void ACTIVATE_a_personalized_card_answers_9000_and_the_card_is_active()
    {
        var terminal = TestCards.Personalized();
        Assert.Equal("90 00", terminal.Send(Activate));
        Assert.Equal(CardLifeCycle.Active, ((PermitCard)terminal.Reader.Card!).LifeCycle);
    }

    [Fact]
    public void Files_written_while_personalizing_read_back_after_ACTIVATE()
    {
        var terminal = TestCards.Active();

        terminal.Send(SelectPermitFile);
        Assert.Equal(TestCards.PermitObject + " 62 82", terminal.Send(ReadFromStart));
        terminal.Send(SelectPhotoFile);
        Assert.Equal(TestCards.PhotoObject + " 62 82", terminal.Send(ReadFromStart));
        terminal.Send(SelectSignatureFile);
        Assert.Equal(TestCards.SignatureObject + " 62 82", terminal.Send(ReadFromStart));
        terminal.Send(SelectChipKeyFile);
        Assert.StartsWith("7F 49 43 86 41 04", terminal.Send(ReadFromStart), StringComparison.Ordinal);
    }

    [Fact]
    public void An_active_card_can_be_read_without_any_VERIFY_after_reinsertion()
    {
        var terminal = TestCards.Active();
        terminal.Reinsert();
        terminal.Send(SelectApplication);
        terminal.Send(SelectPermitFile);
        Assert.Equal(TestCards.PermitObject + " 62 82", terminal.Send(ReadFromStart));
    }

    [Theory]
    [InlineData(SelectPermitFile)]
    [InlineData(SelectSignatureFile)]
    public void ACTIVATE_with_a_required_file_never_written_answers_6985(string missingFile)
    {
        var terminal = TestCards.Personalizing();
        terminal.SendBytes(GenerateKeyPair);
        foreach (var (file, content) in new[] { (SelectPermitFile, TestCards.PermitObject), (SelectSignatureFile, TestCards.SignatureObject) })
        {
            if (file != missingFile)
            {
                TestCards.Write(terminal, file, content);
            }
        }

        Assert.Equal("69 85", terminal.Send(Activate));
        Assert.Equal(CardLifeCycle.Personalizing, ((PermitCard)terminal.Reader.Card!).LifeCycle);
    }

    [Fact]
    public void ACTIVATE_without_a_chip_key_answers_6985()
    {
        var terminal = TestCards.Personalizing();
        TestCards.Write(terminal, SelectPermitFile, TestCards.PermitObject);
        TestCards.Write(terminal, SelectSignatureFile, TestCards.SignatureObject);
        Assert.Equal("69 85", terminal.Send(Activate));
    }

    [Fact]
    public void ACTIVATE_does_not_need_a_photo()
    {
        var terminal = TestCards.Personalizing();
        terminal.SendBytes(GenerateKeyPair);
        TestCards.Write(terminal, SelectPermitFile, TestCards.PermitObject);
        TestCards.Write(terminal, SelectSignatureFile, TestCards.SignatureObject);
        Assert.Equal("90 00", terminal.Send(Activate));
    }

    [Fact]
    public void ACTIVATE_on_a_blank_card_without_VERIFY_answers_6982() =>
        Assert.Equal("69 82", TestCards.Blank().Send(Activate));

    [Fact]
    public void ACTIVATE_on_an_active_card_answers_6982() =>
        Assert.Equal("69 82", TestCards.Active().Send(Activate));

    [Fact]
    public void ACTIVATE_with_P1_P2_other_than_00_00_answers_6A86() =>
        Assert.Equal("6A 86", TestCards.Personalized().Send("00 44 00 01"));

    [Theory]
    [InlineData("00 44 00 00 00")]
    [InlineData("00 44 00 00 01 00")]
    public void ACTIVATE_with_a_data_field_or_Le_answers_6700(string apdu) =>
        Assert.Equal("67 00", TestCards.Personalized().Send(apdu));

    [Fact]
    public void A_card_pulled_out_before_ACTIVATE_stays_blank_keeps_its_files_and_can_be_personalized_again()
    {
        var terminal = TestCards.Personalized();
        terminal.Reinsert();
        terminal.Send(SelectApplication);
        Assert.Equal("69 82", terminal.Send(Activate));

        Assert.Equal("90 00", terminal.Send(VerifyRightCode));
        Assert.Equal("90 00", terminal.Send(Activate));
    }
}

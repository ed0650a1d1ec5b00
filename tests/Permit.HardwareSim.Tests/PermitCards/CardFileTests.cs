using System.Text.Json;
using static Permit.HardwareSim.Tests.Support.PermitApdus;

namespace Permit.HardwareSim.Tests.PermitCards;

/// <summary>A card file is the card: what was written survives the simulator process.</summary>
public sealed class CardFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void A_personalized_card_reloaded_from_its_file_is_active_and_holds_the_same_files_and_key()
    {
        var before = TestCards.Active(_folder.CardFile);
        before.Send(SelectChipKeyFile);
        var chipKey = before.Send(ReadFromStart);

        var after = new Terminal(PermitCard.Load(_folder.CardFile));

        Assert.Equal("01 02 03 04 05 06 07 08 90 00", after.Send(GetSerial));
        Assert.Equal("90 00", after.Send(SelectApplication));
        after.Send(SelectPermitFile);
        Assert.Equal(TestCards.PermitObject + " 62 82", after.Send(ReadFromStart));
        after.Send(SelectChipKeyFile);
        Assert.Equal(chipKey, after.Send(ReadFromStart));
        Assert.Equal(CardLifeCycle.Active, ((PermitCard)after.Reader.Card!).LifeCycle);
    }

    [Fact]
    public void A_reloaded_card_still_signs_with_the_key_it_generated()
    {
        var before = TestCards.Active(_folder.CardFile);
        before.Send(SelectChipKeyFile);
        using var key = ChipKey.ImportPublicKey(before.SendBytes(ReadFromStart).AsSpan(0, 70));

        var after = new Terminal(PermitCard.Load(_folder.CardFile));
        after.Send(SelectApplication);
        var signature = after.SendBytes(InternalAuthenticate("0102030405060708"))[..64];

        var signed = "PERMIT-AA1"u8.ToArray().Concat(Hex.Parse("0102030405060708")).ToArray();
        Assert.True(key.VerifyData(signed, signature, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
    }

    [Fact]
    public void A_card_stopped_while_personalizing_comes_back_blank_with_its_files()
    {
        TestCards.Personalized(_folder.CardFile);

        var after = new Terminal(PermitCard.Load(_folder.CardFile));
        after.Send(SelectApplication);
        after.Send(SelectPermitFile);

        Assert.Equal(CardLifeCycle.Blank, ((PermitCard)after.Reader.Card!).LifeCycle);
        Assert.Equal("69 82", after.Send(ReadFromStart));
        after.Send(VerifyRightCode);
        Assert.Equal(TestCards.PermitObject + " 62 82", after.Send(ReadFromStart));
    }

    [Fact]
    public void The_tries_counter_survives_a_reload()
    {
        var before = TestCards.Blank(_folder.CardFile);
        Assert.Equal("63 C2", before.Send(VerifyWrongCode));

        var after = new Terminal(PermitCard.Load(_folder.CardFile));
        after.Send(SelectApplication);
        Assert.Equal("63 C1", after.Send(VerifyWrongCode));
    }

    [Fact]
    public void A_terminated_card_stays_terminated_after_a_reload()
    {
        TestCards.Active(_folder.CardFile).Send(Terminate);
        Assert.Equal("62 85", new Terminal(PermitCard.Load(_folder.CardFile)).Send(SelectApplication));
    }

    [Fact]
    public void The_card_file_says_it_is_a_simulator_and_holds_every_part_of_the_state()
    {
        TestCards.Active(_folder.CardFile);

        using var json = JsonDocument.Parse(File.ReadAllText(_folder.CardFile));
        var root = json.RootElement;
        Assert.Contains("SIMULATED", root.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Equal(TestCards.Serial, root.GetProperty("serial").GetString());
        Assert.Equal("3132333435363738", root.GetProperty("transportCode").GetString());
        Assert.Equal(3, root.GetProperty("transportTriesLeft").GetInt32());
        Assert.Equal("ACTIVE", root.GetProperty("lifeCycle").GetString());
        Assert.Equal(["0101", "0102", "0103", "0104"], root.GetProperty("files").EnumerateObject().Select(p => p.Name));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("chipPrivateKeyPkcs8").GetString()));
    }

    [Fact]
    public void Saving_leaves_no_temporary_file_behind()
    {
        TestCards.Active(_folder.CardFile);
        Assert.Equal(["card.json"], Directory.GetFiles(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void OpenOrCreate_manufactures_a_blank_card_into_a_missing_file_and_reopens_it_later()
    {
        var created = PermitCard.OpenOrCreate(_folder.CardFile, PermitCard.DefaultTransportCode.Span, Hex.Parse("1111111111111111"));
        Assert.True(File.Exists(_folder.CardFile));
        Assert.Equal(CardLifeCycle.Blank, created.LifeCycle);

        var reopened = PermitCard.OpenOrCreate(_folder.CardFile, PermitCard.DefaultTransportCode.Span, Hex.Parse("2222222222222222"));
        Assert.Equal("11 11 11 11 11 11 11 11 90 00", new Terminal(reopened).Send(GetSerial));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"serial":"0102","transportCode":"3132333435363738","transportTriesLeft":3,"lifeCycle":"BLANK"}""")]
    [InlineData("""{"serial":"0102030405060708","transportCode":"3132333435363738","transportTriesLeft":9,"lifeCycle":"BLANK"}""")]
    [InlineData("""{"serial":"0102030405060708","transportCode":"3132333435363738","transportTriesLeft":3,"lifeCycle":"SOLD"}""")]
    [InlineData("""{"serial":"0102030405060708","transportCode":"3132333435363738","transportTriesLeft":3,"lifeCycle":"BLANK","files":{"0105":"AA=="}}""")]
    public void A_file_that_is_not_a_valid_card_is_refused_with_a_reason(string content)
    {
        File.WriteAllText(_folder.CardFile, content);
        var error = Assert.Throws<InvalidDataException>(() => PermitCard.Load(_folder.CardFile));
        Assert.Contains(_folder.CardFile, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();
}
